import { useState } from 'react';
import { challengeContent } from '../../content/challenges';
import { useAppStore } from '../../store';
import { progressOf } from '../../store/challengeSlice';
import { ConfirmDialog } from './ConfirmDialog';

/** The model solution: offered after one run of the learner's own code, shown after a confirmation. */
export function ModelSolution() {
  const runCount = useAppStore((s) => s.challengeRunCount);
  // Once passed (saved across reloads), the model solution is there to compare with, unasked.
  const passed = useAppStore((s) => progressOf(s, s.activeChallengeId).passed);
  const { modelSolution, modelExplanation } = challengeContent(
    useAppStore((s) => s.activeChallengeId),
  );
  const [asking, setAsking] = useState(false);
  const [shown, setShown] = useState(false);
  if (shown) {
    return (
      <div className="model-solution">
        <h3>Model solution</h3>
        <pre aria-label="Model solution code">
          <code>{modelSolution}</code>
        </pre>
        {modelExplanation.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
    );
  }
  return (
    <div className="model-solution">
      <button
        type="button"
        disabled={runCount === 0 && !passed}
        onClick={() => (passed ? setShown(true) : setAsking(true))}
        aria-describedby="model-solution-hint"
      >
        Show the model solution
      </button>
      <p id="model-solution-hint" className="hint">
        {passed
          ? 'You passed this challenge: compare your code with ours.'
          : runCount === 0
            ? 'Run your own code at least once first.'
            : 'It gives the answer away: try a little longer?'}
      </p>
      <ConfirmDialog
        open={asking}
        title="Show the model solution?"
        message="You will see a complete answer and why it is fast. Your own code stays in the editor."
        confirmLabel="Show it"
        onConfirm={() => {
          setAsking(false);
          setShown(true);
        }}
        onCancel={() => setAsking(false)}
      />
    </div>
  );
}

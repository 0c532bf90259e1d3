import { useId, useState, type FormEvent } from 'react';
import { useAppStore } from '../../store';

/** Experiment 1's first step: the learner commits to a guess before sending anything. */
export function BurstPrediction() {
  const prediction = useAppStore((s) => s.burstPrediction);
  const [text, setText] = useState(prediction === null ? '' : String(prediction));
  // "Show me" or a reset can change the prediction from outside: the field follows it.
  const [shownPrediction, setShownPrediction] = useState(prediction);
  if (shownPrediction !== prediction) {
    setShownPrediction(prediction);
    setText(prediction === null ? '' : String(prediction));
  }
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > 1000) {
      setProblem('Enter a whole number from 1 to 1000, e.g. 4.');
      return;
    }
    setProblem(null);
    const { restartExperiment, setBurstPrediction } = useAppStore.getState();
    // Only requests sent after the prediction count, so the log cannot give the answer away.
    restartExperiment('bursts');
    setBurstPrediction(value);
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>Rate limiting starts on request number</label>
      <input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={1}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={problemId}
      />
      <button type="submit">Save prediction</button>
      <span
        id={problemId}
        className={problem === null ? 'lesson-ok' : 'lesson-problem'}
        role={problem === null ? undefined : 'alert'}
      >
        {problem ?? (prediction === null ? '' : `Saved: request ${prediction}.`)}
      </span>
    </form>
  );
}

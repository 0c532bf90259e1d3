import { useState } from 'react';
import { CHALLENGE_CATALOGUE } from '../../content/challenges';
import { EXPERIMENTS } from '../../content/experiments';
import { useAppStore } from '../../store';
import { useQuizProgress } from '../quiz/useQuizQuestions';
import { ProgressFileActions } from './ProgressFileActions';

/** Where the learner stands: experiments done, quiz score, challenge; and a guarded reset. */
export function ProgressOverview() {
  const experiments = useAppStore((s) => s.experiments);
  const challengeProgress = useAppStore((s) => s.challengeProgress);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');

  const challengesPassed = CHALLENGE_CATALOGUE.filter(
    (c) => challengeProgress[c.id]?.passed,
  ).length;
  const done = EXPERIMENTS.filter((experiment) => experiments[experiment.id] === 'done').length;
  const score = useQuizProgress();

  const reset = () => {
    useAppStore.getState().resetProgress();
    setConfirming(false);
    setMessage('Progress reset: experiments, quiz and challenge start again.');
  };

  return (
    <aside className="progress" aria-labelledby="progress-title">
      <h2 id="progress-title" className="progress__title">
        Your progress
      </h2>
      <ul className="progress__list">
        <li data-testid="progress-experiments">
          Experiments: {done} of {EXPERIMENTS.length} done
        </li>
        <li data-testid="progress-quiz">
          Quiz: {score.correct} of {score.total} correct
        </li>
        <li data-testid="progress-challenge">
          Challenges: {challengesPassed} of {CHALLENGE_CATALOGUE.length} passed
        </li>
      </ul>
      {confirming ? (
        <div role="group" aria-label="Confirm reset" className="progress__confirm">
          <p>Forget all experiments, quiz answers and your challenge code?</p>
          <button type="button" onClick={reset}>
            Yes, reset everything
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Keep my progress
          </button>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => {
            setMessage('');
            setConfirming(true);
          }}
        >
          Reset progress
        </button>
      )}
      <p role="status" className="progress__message">
        {message}
      </p>
      <ProgressFileActions />
    </aside>
  );
}

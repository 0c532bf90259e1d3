import { useState } from 'react';
import { useAppStore } from '../../store';
import { startLearnerLimiter, stopLearnerLimiter } from './learnerLimiter';

/** "Use my limiter in the playground", its indicator, and the way back. */
export function LearnerLimiterControls({ getSource }: { getSource: () => string }) {
  const learnerLimiter = useAppStore((s) => s.learnerLimiter);
  const [confirmed, setConfirmed] = useState<string | null>(null);
  return (
    <div className="learner-limiter">
      {learnerLimiter.active ? (
        <>
          <p className="learner-limiter__badge" role="status">
            <span aria-hidden="true">⚙ </span>Using your limiter in the playground: the graph shows
            your code&rsquo;s decisions.
          </p>
          <button type="button" onClick={() => stopLearnerLimiter()}>
            Switch back to the built-in limiter
          </button>
        </>
      ) : (
        <button
          type="button"
          onClick={() => {
            startLearnerLimiter(getSource());
            setConfirmed('Your limiter now decides the playground’s requests.');
          }}
        >
          Use my limiter in the playground
        </button>
      )}
      {learnerLimiter.note !== null ? (
        <p className="learner-limiter__note" role="alert">
          {learnerLimiter.note}
        </p>
      ) : null}
      {learnerLimiter.active && confirmed !== null ? <p className="hint">{confirmed}</p> : null}
    </div>
  );
}

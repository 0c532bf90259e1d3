import { useState, type ReactNode } from 'react';
import type { Experiment } from '../../content/experiments';
import { useAppStore } from '../../store';
import { ExperimentStatusBadge } from './ExperimentStatusBadge';
import { useExperimentCheck } from './useExperimentCheck';

/** One experiment: goal, its own controls, what the log shows so far, tiered hints and a reset. */
export function ExperimentCard({
  experiment,
  children,
  onReset,
}: {
  experiment: Experiment;
  children?: ReactNode;
  onReset?: () => void;
}) {
  const { result, status } = useExperimentCheck(experiment);
  const [hintsShown, setHintsShown] = useState(0);
  const restartExperiment = useAppStore((s) => s.restartExperiment);
  const headingId = `experiment-${experiment.id}-title`;

  const reset = () => {
    restartExperiment(experiment.id);
    setHintsShown(0);
    onReset?.();
  };

  return (
    <article className="experiment" aria-labelledby={headingId} data-experiment={experiment.id}>
      <header className="experiment__header">
        <h3 id={headingId}>{experiment.title}</h3>
        <ExperimentStatusBadge status={status} />
      </header>
      <p className="experiment__goal">
        <strong>Goal:</strong> {experiment.goal}
      </p>
      {children}
      <p className="experiment__feedback" aria-live="polite">
        {result.done ? '✔ ' : ''}
        {result.feedback}
      </p>
      <div className="experiment__hints">
        {hintsShown > 0 && (
          <ol aria-label={`Hints for ${experiment.title}`}>
            {experiment.hints.slice(0, hintsShown).map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ol>
        )}
        <div className="experiment__actions">
          <button
            type="button"
            onClick={() => setHintsShown((shown) => shown + 1)}
            disabled={hintsShown >= experiment.hints.length}
          >
            {hintsShown >= experiment.hints.length
              ? 'No more hints'
              : `Show hint ${hintsShown + 1} of ${experiment.hints.length}`}
          </button>
          <button type="button" onClick={reset}>
            Reset this experiment
          </button>
        </div>
      </div>
    </article>
  );
}

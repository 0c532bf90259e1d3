import { useState } from 'react';
import type { Experiment } from '../../content/experiments';
import { useAppStore } from '../../store';
import { EXPERIMENT_CONTROLS } from './experimentControls';
import { ExperimentStatusBadge } from './ExperimentStatusBadge';
import { RichTextView } from './RichTextView';
import { setUpScenario, showSolution } from './scenarioRunner';
import { useExperimentCheck } from './useExperimentCheck';

/** One experiment: goal, its own controls, what the log shows so far, tiered hints and a reset. */
export function ExperimentCard({ experiment, number }: { experiment: Experiment; number: number }) {
  const { status, feedback } = useExperimentCheck(experiment);
  const [hintsShown, setHintsShown] = useState(0);
  const [scenarioNote, setScenarioNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const restartExperiment = useAppStore((s) => s.restartExperiment);
  const headingId = `experiment-${experiment.id}-title`;
  const control =
    experiment.control === undefined ? undefined : EXPERIMENT_CONTROLS[experiment.control];
  const allHintsShown = hintsShown >= experiment.hints.length;

  const reset = () => {
    restartExperiment(experiment.id);
    setHintsShown(0);
    setScenarioNote(null);
    control?.onReset?.(useAppStore);
  };

  const setUp = () => {
    const problem = setUpScenario(useAppStore, experiment.scenario);
    setScenarioNote(
      problem ??
        'The playground is set up: settings, routes and an empty log as this experiment starts.',
    );
  };

  const showMe = async () => {
    setBusy(true);
    setScenarioNote('Playing a solution on the playground…');
    const problem = await showSolution(useAppStore, experiment);
    setScenarioNote(problem ?? 'Played a solution on the playground: watch the graph and the log.');
    setBusy(false);
  };

  const done = feedback.startsWith('✔') ? 'right' : feedback.startsWith('✘') ? 'wrong' : 'open';
  return (
    <article className="experiment" aria-labelledby={headingId} data-experiment={experiment.id}>
      <header className="experiment__header">
        <h3 id={headingId}>
          {number}. {experiment.title}
        </h3>
        <ExperimentStatusBadge status={status} />
      </header>
      <p className="experiment__goal">
        <strong>Goal:</strong> {experiment.goal}
      </p>
      <div className="experiment__actions">
        <button type="button" onClick={setUp} disabled={busy}>
          Set up this scenario
        </button>
      </div>
      {experiment.intro !== undefined && <RichTextView text={experiment.intro} />}
      {control !== undefined && <control.Component />}
      <p
        className={`experiment__feedback experiment__feedback--${done}`}
        aria-live="polite"
        data-testid="experiment-feedback"
      >
        {feedback}
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
            disabled={allHintsShown}
          >
            {allHintsShown
              ? 'No more hints'
              : `Show hint ${hintsShown + 1} of ${experiment.hints.length}`}
          </button>
          {allHintsShown && (
            <button type="button" onClick={() => void showMe()} disabled={busy}>
              Show me
            </button>
          )}
          <button type="button" onClick={reset} disabled={busy}>
            Reset this experiment
          </button>
        </div>
        <p className="experiment__note" role="status" data-testid="experiment-note">
          {scenarioNote ?? ''}
        </p>
      </div>
    </article>
  );
}

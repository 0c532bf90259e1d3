import { useDeferredValue, useEffect, useMemo } from 'react';
import type { CheckResult, Experiment } from '../../content/experiments';
import { useAppStore, useCheckTraces } from '../../store';
import { tracesSince, type ExperimentStatus } from '../../store/progressSlice';
import { learnerLookupProblem } from './routeLookupPreparer';

/** The feedback line as the card shows and saves it: a mark in words' place, never colour alone. */
export function feedbackLine(result: CheckResult): string {
  if (!result.done) return result.feedback;
  return `${result.predictionRight === false ? '✘' : '✔'} ${result.feedback}`;
}

/**
 * Runs an experiment's check over the traces since it (re)started and keeps its saved status in
 * step. A done experiment stays done (the log is not saved) until the learner resets it; the
 * sentence its check gave when it was done is saved with it.
 */
export function useExperimentCheck(experiment: Experiment): {
  result: CheckResult;
  status: ExperimentStatus;
  /** What to show: the check now, or, when done but the log no longer shows it, the saved line. */
  feedback: string;
} {
  // Checked in a deferred render: when a burst's traces arrive, the cards' checks (a pass over
  // the log each) run after the urgent update, in slices React can interrupt, not in its task.
  const { traces, simulation, olderTraces } = useDeferredValue(useCheckTraces((s) => s));
  const olderCount = olderTraces.count;
  const baseline = useAppStore((s) => s.experimentBaselines[experiment.id]);
  const prediction = useAppStore((s) => s.burstPrediction);
  const replicaPrediction = useAppStore((s) => s.replicaPrediction);
  const profilePrediction = useAppStore((s) => s.profilePrediction);
  const status = useAppStore((s) => s.experiments[experiment.id]) ?? 'not-started';
  const saved = useAppStore((s) => s.experimentFeedback[experiment.id]);
  const setExperimentStatus = useAppStore((s) => s.setExperimentStatus);
  const finishExperiment = useAppStore((s) => s.finishExperiment);

  const result = useMemo(
    () =>
      experiment.check({
        traces: tracesSince(traces, simulation, baseline, olderCount),
        prediction,
        profilePrediction,
        learnerLookupProblem,
        replicaPrediction,
      }),
    [
      experiment,
      traces,
      simulation,
      baseline,
      prediction,
      replicaPrediction,
      profilePrediction,
      olderCount,
    ],
  );

  useEffect(() => {
    if (status === 'done' && saved !== undefined) return;
    if (result.done) finishExperiment(experiment.id, feedbackLine(result));
    else if (result.started && status === 'not-started') {
      setExperimentStatus(experiment.id, 'in-progress');
    }
  }, [experiment.id, result, status, saved, setExperimentStatus, finishExperiment]);

  const feedback =
    !result.done && status === 'done' && saved !== undefined ? saved : feedbackLine(result);
  return { result, status, feedback };
}

import { useEffect, useMemo } from 'react';
import type { CheckResult, Experiment } from '../../content/experiments';
import { useAppStore, useShownTraces } from '../../store';
import { tracesSince, type ExperimentStatus } from '../../store/progressSlice';
import { isLearnerRoute } from './routeLookupPreparer';

/**
 * Runs an experiment's check over the traces since it (re)started and keeps its saved status in
 * step. A done experiment stays done (the log is not saved) until the learner resets it.
 */
export function useExperimentCheck(experiment: Experiment): {
  result: CheckResult;
  status: ExperimentStatus;
} {
  const traces = useShownTraces((s) => s.traces);
  const simulation = useShownTraces((s) => s.simulation);
  const olderCount = useShownTraces((s) => s.olderTraces.count);
  const baseline = useAppStore((s) => s.experimentBaselines[experiment.id]);
  const prediction = useAppStore((s) => s.burstPrediction);
  const status = useAppStore((s) => s.experiments[experiment.id]) ?? 'not-started';
  const setExperimentStatus = useAppStore((s) => s.setExperimentStatus);

  const result = useMemo(
    () =>
      experiment.check({
        traces: tracesSince(traces, simulation, baseline, olderCount),
        prediction,
        isLearnerRoute,
      }),
    [experiment, traces, simulation, baseline, prediction, olderCount],
  );

  useEffect(() => {
    if (status === 'done') return;
    const next: ExperimentStatus = result.done ? 'done' : result.started ? 'in-progress' : status;
    if (next !== status) setExperimentStatus(experiment.id, next);
  }, [experiment.id, result, status, setExperimentStatus]);

  return { result, status };
}

import type { CaseRun, Counterexample, Observations, SourceProblem } from '../challenge/types';
import type { WorkerMessage } from './protocol';

/**
 * Shape checks for what comes back from the worker. Learner code shares the worker, so a message
 * may be anything: only well-formed data reaches the judge, and the judge decides the verdict.
 */
type Guard<T> = (value: unknown) => value is T;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringArray: Guard<string[]> = (value): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

const isBooleanArray: Guard<boolean[]> = (value): value is boolean[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'boolean');

const optionalNumber = (value: unknown) => value === undefined || typeof value === 'number';

export const isSourceProblem: Guard<SourceProblem> = (value): value is SourceProblem =>
  isRecord(value) &&
  (value.kind === 'syntax' || value.kind === 'runtime' || value.kind === 'missing') &&
  typeof value.message === 'string' &&
  optionalNumber(value.line) &&
  optionalNumber(value.column);

const isCaseRun: Guard<CaseRun> = (value): value is CaseRun =>
  isRecord(value) &&
  isBooleanArray(value.decisions) &&
  (value.error === null || isSourceProblem(value.error));

const isCounterexample: Guard<Counterexample> = (value): value is Counterexample => {
  if (!isRecord(value) || !isCaseRun(value.run) || !isRecord(value.limiterCase)) return false;
  const { maxRequests, windowMs, calls } = value.limiterCase;
  return (
    Number.isInteger(maxRequests) &&
    (maxRequests as number) >= 1 &&
    typeof windowMs === 'number' &&
    windowMs > 0 &&
    Array.isArray(calls) &&
    calls.every(
      (c, i) =>
        isRecord(c) &&
        typeof c.clientId === 'string' &&
        typeof c.timestampMs === 'number' &&
        // Times never decrease: a forged "counterexample" that breaks the rules is ignored.
        (i === 0 || c.timestampMs >= ((calls[i - 1] as { timestampMs: number }).timestampMs ?? 0)),
    )
  );
};

export const isObservations: Guard<Observations> = (value): value is Observations => {
  if (!isRecord(value) || !isStringArray(value.logs)) return false;
  if (value.ok === false) return isSourceProblem(value.problem);
  return (
    value.ok === true &&
    Array.isArray(value.caseRuns) &&
    value.caseRuns.every(isCaseRun) &&
    Array.isArray(value.randomRuns) &&
    value.randomRuns.every(isCaseRun) &&
    (value.counterexample === null || isCounterexample(value.counterexample))
  );
};

function isJobResult(value: unknown, payloadOk: (v: Record<string, unknown>) => boolean): boolean {
  if (!isRecord(value) || !isStringArray(value.logs)) return false;
  if (value.ok === false) return isSourceProblem(value.problem);
  return value.ok === true && payloadOk(value);
}

const isRouteResults = (value: unknown) =>
  isRecord(value) && Object.values(value).every((v) => v === null || typeof v === 'string');

/** True when `value` is a well-formed message for this run. */
export function isWorkerMessage(value: unknown, requestId: number): value is WorkerMessage {
  if (!isRecord(value) || value.requestId !== requestId) return false;
  switch (value.type) {
    case 'progress':
      return typeof value.step === 'string';
    case 'harness-error':
      return typeof value.message === 'string';
    case 'grade-done':
      return isObservations(value.observations);
    case 'decisions-done':
      return isJobResult(value.result, (r) => isBooleanArray(r.decisions));
    case 'routes-done':
      return isJobResult(value.result, (r) => isRouteResults(r.results));
    default:
      return false;
  }
}

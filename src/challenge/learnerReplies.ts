import type { LearnerToJudge, ThrownValue, TraceRun } from '../sandbox/learnerProtocol';

/**
 * Shape checks for what the learner side sends. Learner code shares that realm and can post
 * anything, so only well-formed data reaches the judge, and the judge decides every verdict.
 */
type Guard<T> = (value: unknown) => value is T;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringOrNull = (value: unknown) => value === null || typeof value === 'string';

export const isStringList: Guard<string[]> = (value): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

const isThrownValue: Guard<ThrownValue> = (value): value is ThrownValue =>
  isRecord(value) &&
  typeof value.isError === 'boolean' &&
  isStringOrNull(value.name) &&
  isStringOrNull(value.message) &&
  isStringOrNull(value.stack) &&
  isStringOrNull(value.text);

function isRunStop(value: unknown): boolean {
  if (value === null) return true;
  if (!isRecord(value)) return false;
  switch (value.at) {
    case 'construct':
    case 'call':
      return isThrownValue(value.thrown);
    case 'no-method':
      return true;
    case 'bad-output':
      return (
        typeof value.type === 'string' &&
        (value.value === undefined || ['string', 'number', 'boolean'].includes(typeof value.value))
      );
    default:
      return false;
  }
}

/** A run with at most `callCount` outputs, each a boolean, string or null. */
export function isTraceRun(value: unknown, callCount: number): value is TraceRun {
  return (
    isRecord(value) &&
    Array.isArray(value.outputs) &&
    value.outputs.length <= callCount &&
    value.outputs.every((o) => o === null || typeof o === 'string' || typeof o === 'boolean') &&
    isRunStop(value.stop)
  );
}

/** True when `value` is a well-formed reply of one of `types` to request `id`. */
export function isLearnerReply(
  value: unknown,
  id: number,
): value is Exclude<LearnerToJudge, { type: 'ready' }> {
  if (!isRecord(value) || value.id !== id || !isStringList(value.logs)) return false;
  if (!Number.isInteger(value.droppedLogs) || (value.droppedLogs as number) < 0) return false;
  switch (value.type) {
    case 'loaded':
      return typeof value.entryType === 'string';
    case 'load-failed':
      return isThrownValue(value.thrown);
    case 'ran':
      return Array.isArray(value.runs);
    default:
      return false;
  }
}

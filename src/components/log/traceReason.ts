import type { RequestTrace } from '../../engine';

const OUTCOME_WORDS = {
  ok: 'answered',
  refused: 'refused the connection',
  error: 'answered with an error',
  timeout: 'did not answer in time',
} as const;

/**
 * Why the request ended as it did, in one line: the deciding stage's own note (e.g. "limit of 5
 * reached; retry in 60 s"), or for a forwarded request what its instance did.
 */
export function traceReason(trace: RequestTrace): string {
  const { decision } = trace;
  const upstream = decision.upstream;
  if (decision.decidedBy === 'service' && upstream !== null)
    return `${upstream.instance} ${OUTCOME_WORDS[upstream.outcome]}`;
  return decision.stages.findLast((record) => record.stage === decision.decidedBy)?.note ?? '';
}

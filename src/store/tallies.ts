import type { HttpStatus, RequestTrace, StageName, Verdict } from '../engine';

/**
 * What a request counts for in the graph nodes' explanations: each stage's verdict, its client's
 * status, and what its instance did. Requests that leave the trace window (traceWindow.ts) are
 * kept as counts under these keys, so the explanations stay exact after 10,000 requests.
 */
export const stageTally = (stage: StageName, verdict: Verdict): string =>
  `stage ${stage} ${verdict}`;
export const clientTallyPrefix = (clientId: string): string => `client ${clientId} `;
export const clientTally = (clientId: string, status: HttpStatus): string =>
  `${clientTallyPrefix(clientId)}${status}`;
export const instanceTally = (instance: string, outcome: InstanceOutcome): string =>
  `instance ${instance} ${outcome}`;

/** An instance served the request, or failed it (refused, answered 5xx, or never answered). */
export type InstanceOutcome = 'served' | 'failed';

/** What the request's instance did, and when (null when it reached no instance). */
export function instanceOutcomeOf(
  trace: RequestTrace,
): { readonly instance: string; readonly outcome: InstanceOutcome; readonly atMs: number } | null {
  for (const event of trace.events) {
    if (event.type === 'served')
      return { instance: event.instance, outcome: 'served', atMs: event.atMs };
    if (event.type === 'failed' || event.type === 'timed-out')
      return { instance: event.instance, outcome: 'failed', atMs: event.atMs };
  }
  return null;
}

/** Every key `trace` counts under. */
export function talliesOf(trace: RequestTrace): string[] {
  const keys = trace.decision.stages.map((record) => stageTally(record.stage, record.verdict));
  keys.push(clientTally(trace.request.clientId, trace.decision.status));
  const upstream = instanceOutcomeOf(trace);
  if (upstream !== null) keys.push(instanceTally(upstream.instance, upstream.outcome));
  return keys;
}

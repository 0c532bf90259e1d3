import type { RequestTrace, SimEvent } from '../../engine';
import { clientById, STAGE_LABELS } from '../../content/services';
import { STATUS_TEXT } from '../log/statusCounts';

/** Longer than any request's whole trip: older requests have no event left to narrate. */
const LONGEST_TRIP_MS = 5_000;

/** The latest event at or before `atMs`, with its request; traces are in arrival order. */
export function latestEvent(
  traces: readonly RequestTrace[],
  atMs: number,
): { trace: RequestTrace; event: SimEvent } | null {
  let latest: { trace: RequestTrace; event: SimEvent } | null = null;
  for (let i = traces.length - 1; i >= 0; i--) {
    const trace = traces[i] as RequestTrace;
    if (trace.arrivedAtMs < atMs - LONGEST_TRIP_MS) break;
    for (const event of trace.events) {
      if (event.atMs > atMs) break;
      if (latest === null || event.atMs > latest.event.atMs) latest = { trace, event };
    }
  }
  return latest;
}

/** One line for people: what just happened to which request. */
export function narrate(trace: RequestTrace, event: SimEvent): string {
  const who = `Request #${trace.id}`;
  switch (event.type) {
    case 'sent':
      return `${who} leaves ${clientById(trace.request.clientId).label} for ${trace.request.path}.`;
    case 'arrived':
      return `${who} reaches the gateway.`;
    case 'stage': {
      const stage = STAGE_LABELS[event.stage];
      if (event.verdict === 'pass') return `${who} passes ${stage}: ${event.note}.`;
      const { status } = trace.decision;
      const answer = `${status} ${STATUS_TEXT[status] ?? ''}`.trim();
      if (event.verdict === 'respond')
        return `${who} is answered ${answer} by the gateway at ${stage}: ${event.note}.`;
      return `${who} is refused at ${stage} with ${answer}: ${event.note}.`;
    }
    case 'forwarded':
      return `${who} is forwarded to ${event.instance}.`;
    case 'served':
      return `${who} is served by ${event.instance}.`;
    case 'failed':
      return `${who} fails at ${event.instance}.`;
    case 'timed-out':
      return `${who} times out waiting for ${event.instance}.`;
    case 'responded':
      return `${who} is answered ${`${event.status} ${STATUS_TEXT[event.status] ?? ''}`.trim()}.`;
  }
}

import type { HttpStatus, RequestTrace } from '../engine';
import { talliesOf } from './tallies';

/** Requests kept in full detail: at least one whole burst (10,000), so every packet in flight is drawn. */
export const TRACE_WINDOW = 10_000;

/**
 * Older requests are summarised only once this many more have piled up, so trimming (a copy of
 * the window) happens once per few thousand requests, not in every frame of a burst.
 */
const TRIM_SLACK = 2_000;

/** What is left of the requests that dropped out of the window: exact counts, no details. */
export interface OlderTraces {
  readonly count: number;
  readonly byStatus: Readonly<Record<HttpStatus, number>>;
  /** Requests served, by service id (all of them before the clock: they are back). */
  readonly servedByService: Readonly<Record<string, number>>;
  /** Counts under the keys of tallies.ts: each stage's verdicts, each client's statuses, … */
  readonly tallies: Readonly<Record<string, number>>;
}

export const NO_OLDER_TRACES: OlderTraces = {
  count: 0,
  byStatus: { 200: 0, 401: 0, 404: 0, 429: 0 },
  servedByService: {},
  tallies: {},
};

function summarise(older: OlderTraces, dropped: readonly RequestTrace[]): OlderTraces {
  const byStatus = { ...older.byStatus };
  const servedByService: Record<string, number> = { ...older.servedByService };
  const tallies: Record<string, number> = { ...older.tallies };
  for (const trace of dropped) {
    for (const key of talliesOf(trace)) tallies[key] = (tallies[key] ?? 0) + 1;
    const status = trace.decision.status;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    const service = trace.decision.service;
    if (
      service !== undefined &&
      service !== null &&
      trace.events.some((event) => event.type === 'served')
    ) {
      servedByService[service] = (servedByService[service] ?? 0) + 1;
    }
  }
  return { count: older.count + dropped.length, byStatus, servedByService, tallies };
}

/**
 * The store's requests after `fresh` are decided at `nowMs`: the newest TRACE_WINDOW in full
 * detail, older ones folded into `olderTraces`. A request still on its way back is never
 * summarised, so the packet layer keeps drawing it.
 */
export function appendTraces(
  traces: readonly RequestTrace[],
  olderTraces: OlderTraces,
  fresh: readonly RequestTrace[],
  nowMs: number,
  window = TRACE_WINDOW,
  slack = TRIM_SLACK,
): { traces: readonly RequestTrace[]; olderTraces: OlderTraces } {
  const all = [...traces, ...fresh];
  if (all.length <= window + slack) return { traces: all, olderTraces };
  let cut = 0;
  const most = all.length - window;
  while (cut < most && (all[cut] as RequestTrace).respondedAtMs <= nowMs) cut++;
  if (cut === 0) return { traces: all, olderTraces };
  return { traces: all.slice(cut), olderTraces: summarise(olderTraces, all.slice(0, cut)) };
}

/** Every request decided so far, summarised ones included. */
export function decidedCount(state: {
  readonly traces: readonly RequestTrace[];
  readonly olderTraces: OlderTraces;
}): number {
  return state.olderTraces.count + state.traces.length;
}

/** A request as the store keeps it: in full, summarised (counted only), or not decided yet. */
export type KeptRequest =
  | { readonly kind: 'full'; readonly trace: RequestTrace }
  | { readonly kind: 'summarised' }
  | { readonly kind: 'undecided' };

/**
 * Request `id` (ids are 1, 2, 3, … in arrival order): the window holds a run of consecutive ids,
 * so this is one index, not a search.
 */
export function keptRequest(
  state: { readonly traces: readonly RequestTrace[]; readonly olderTraces: OlderTraces },
  id: number,
): KeptRequest {
  const first = state.traces[0];
  const firstId = first === undefined ? state.olderTraces.count + 1 : first.id;
  if (id < firstId) return { kind: 'summarised' };
  const trace = state.traces[id - firstId];
  return trace !== undefined && trace.id === id ? { kind: 'full', trace } : { kind: 'undecided' };
}

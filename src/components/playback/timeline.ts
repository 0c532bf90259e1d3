import type { RequestTrace } from '../../engine';

/**
 * The first moment after `clockMs` when something happens: an event of a decided request or the
 * next arrival at the gateway. Null when nothing is left to happen.
 */
export function nextEventMs(
  traces: readonly RequestTrace[],
  clockMs: number,
  nextArrivalMs: number | null,
): number | null {
  let best = nextArrivalMs !== null && nextArrivalMs > clockMs ? nextArrivalMs : Infinity;
  // Traces are in arrival order and none lasts long, so scan back until responses are all past.
  for (let i = traces.length - 1; i >= 0; i--) {
    const trace = traces[i] as RequestTrace;
    if (trace.respondedAtMs <= clockMs && trace.arrivedAtMs + LONGEST_TRIP_MS < clockMs) break;
    for (const event of trace.events) {
      if (event.atMs > clockMs && event.atMs < best) best = event.atMs;
    }
  }
  return best === Infinity ? null : best;
}

/** Upper bound on one request's trip after arrival, beyond which older traces need no look. */
const LONGEST_TRIP_MS = 120_000;

/** When the last response of these traces is back at its client (0 for none). */
export function lastResponseMs(traces: readonly RequestTrace[], fromIndex = 0): number {
  let last = 0;
  for (let i = fromIndex; i < traces.length; i++) {
    const t = (traces[i] as RequestTrace).respondedAtMs;
    if (t > last) last = t;
  }
  return last;
}

/** "t = 12.40 s": the simulated clock for people, with no-break spaces so it never wraps. */
export function formatClock(ms: number): string {
  return `t\u00a0=\u00a0${(ms / 1000).toFixed(2)}\u00a0s`;
}

/** "12.4 s" or "0.8 s": a wait for people, rounded up to a tenth. */
export function formatWait(ms: number): string {
  return `${(Math.ceil(ms / 100) / 10).toFixed(1)}\u00a0s`;
}

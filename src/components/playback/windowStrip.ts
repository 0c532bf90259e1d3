import type { AlgorithmName, LimiterSnapshot, RequestTrace } from '../../engine';

/** What the window strip draws, as fractions 0..1 along a strip of one window's length. */
export interface WindowStrip {
  readonly kind: 'sliding' | 'fixed' | 'gauge';
  readonly startMs: number;
  readonly endMs: number;
  /** Allowed requests still counted (the snapshot's marks). */
  readonly allowed: readonly number[];
  /** Requests of this key the gateway refused with 429 inside the strip's span. */
  readonly refused: readonly number[];
  /** Where "now" is on the strip. */
  readonly now: number;
}

/**
 * Lays out one client's quota at `nowMs` from the limiter's snapshot: a sliding log trails the
 * clock; a fixed or two-window counter shows its current window; buckets have no window (gauge).
 */
export function windowStrip(
  algorithm: AlgorithmName,
  snapshot: LimiterSnapshot,
  windowMs: number,
  nowMs: number,
  traces: readonly RequestTrace[],
  apiKey: string,
): WindowStrip {
  const kind =
    algorithm === 'sliding-window-log'
      ? 'sliding'
      : snapshot.windowStartMs !== undefined
        ? 'fixed'
        : 'gauge';
  const startMs =
    kind === 'sliding'
      ? nowMs - windowMs
      : kind === 'fixed'
        ? (snapshot.windowStartMs ?? nowMs)
        : nowMs;
  const endMs = startMs + windowMs;
  const at = (ms: number) => (ms - startMs) / windowMs;
  const refused: number[] = [];
  for (let i = traces.length - 1; i >= 0; i--) {
    const trace = traces[i] as RequestTrace;
    if (trace.arrivedAtMs < startMs) break;
    if (
      trace.decision.status === 429 &&
      trace.request.apiKey === apiKey &&
      trace.arrivedAtMs <= nowMs
    ) {
      refused.push(at(trace.arrivedAtMs));
    }
  }
  return {
    kind,
    startMs,
    endMs,
    allowed: snapshot.marks.filter((m) => m > startMs && m <= endMs).map(at),
    refused: refused.reverse(),
    now: Math.min(1, Math.max(0, at(nowMs))),
  };
}

import type { AlgorithmName, LimiterSnapshot, RequestTrace } from '../../engine';

/** Requests at one spot of the strip (fraction 0..1) and how many. */
export interface Spot {
  readonly at: number;
  readonly count: number;
}

/** What the window strip draws, as fractions 0..1 along a strip of one window's length. */
export interface WindowStrip {
  readonly kind: 'sliding' | 'fixed' | 'gauge';
  readonly startMs: number;
  readonly endMs: number;
  /** Allowed requests still counted (the snapshot's marks), grouped by spot on the strip. */
  readonly allowed: readonly Spot[];
  /** Requests of this key refused with 429 inside the strip's span, grouped by spot. */
  readonly refused: readonly Spot[];
  readonly refusedCount: number;
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
  let refusedCount = 0;
  for (let i = traces.length - 1; i >= 0; i--) {
    const trace = traces[i] as RequestTrace;
    if (trace.arrivedAtMs < startMs) break;
    const mine = trace.request.apiKey === apiKey && trace.arrivedAtMs <= nowMs;
    if (mine && trace.decision.status === 429) {
      refused.push(at(trace.arrivedAtMs));
      refusedCount++;
    }
  }
  return {
    kind,
    startMs,
    endMs,
    allowed: distinctSpots(snapshot.marks.filter((m) => m > startMs && m <= endMs).map(at)),
    refused: distinctSpots(refused.reverse()),
    refusedCount,
    now: Math.min(1, Math.max(0, at(nowMs))),
  };
}

/** Groups marks by 1/500 of the strip: 10,000 refusals at one instant are one ✕ with a count. */
export function distinctSpots(fractions: readonly number[], resolution = 500): Spot[] {
  const spots = new Map<number, { at: number; count: number }>();
  for (const f of fractions) {
    const key = Math.round(f * resolution);
    const spot = spots.get(key);
    if (spot === undefined) spots.set(key, { at: f, count: 1 });
    else spot.count++;
  }
  return [...spots.values()];
}

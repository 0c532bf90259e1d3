import type { AlgorithmName, LimiterSnapshot, RequestTrace } from '../../engine';
import { lowerBound, TraceTimes, upperBound } from '../../store/traceTimes';

/** When each request refused with 429 arrived, per API key: kept up to date as traces come. */
const refusals = new TraceTimes<string>((trace) =>
  trace.decision.status === 429 && trace.request.apiKey !== null
    ? { key: trace.request.apiKey, atMs: trace.arrivedAtMs }
    : null,
);

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
  // A burst refuses thousands at once: found by binary search, grouped without a pass per frame.
  const refusedMs = refusals.follow(traces).times(apiKey);
  const from = lowerBound(refusedMs, startMs);
  const to = upperBound(refusedMs, nowMs);
  return {
    kind,
    startMs,
    endMs,
    allowed: distinctSpots(snapshot.marks.filter((m) => m > startMs && m <= endMs).map(at)),
    refused: sortedSpots(refusedMs, from, to, at),
    refusedCount: Math.max(0, to - from),
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

/**
 * `distinctSpots` of the ascending `times[from..to)` placed by `at`: one binary search per spot,
 * so 10,000 refusals at one instant cost a few steps, not 10,000.
 */
export function sortedSpots(
  times: readonly number[],
  from: number,
  to: number,
  at: (ms: number) => number,
  resolution = 500,
): Spot[] {
  const spots: Spot[] = [];
  const spotOf = (i: number) => Math.round(at(times[i] as number) * resolution);
  let i = from;
  while (i < to) {
    const spot = spotOf(i);
    // The first index past this spot: spots only grow along ascending times.
    let low = i + 1;
    let high = to;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (spotOf(mid) <= spot) low = mid + 1;
      else high = mid;
    }
    spots.push({ at: at(times[i] as number), count: low - i });
    i = low;
  }
  return spots;
}

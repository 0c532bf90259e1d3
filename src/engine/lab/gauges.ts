import type {
  AlgorithmName,
  GaugedLimiter,
  LimiterGauge,
  LimiterSnapshot,
  RateLimitAlgorithm,
} from '../limiters';

/**
 * Gauges read from the snapshot, for the limiters that have no `gauge()` of their own yet (their
 * files are being reworked elsewhere). Snapshots count whole requests, so these bars move in whole
 * steps (`exact: false`); `numbersHeld` is the size of the per-client record while it still
 * matters (the quota not yet whole again).
 */
const FROM_SNAPSHOT: Partial<Record<AlgorithmName, (snap: LimiterSnapshot) => LimiterGauge>> = {
  // nginx keeps the excess and the time it was measured.
  'leaky-bucket': (snap) => ({
    label: 'requests in the bucket',
    value: snap.limit - snap.remaining,
    max: snap.limit,
    markMs: null,
    markLabel: null,
    numbersHeld: snap.remaining < snap.limit ? 2 : 0,
    exact: false,
  }),
  // The current window's start, its count and the previous window's count.
  'sliding-window-counter': (snap) => ({
    label: 'estimated requests in the last window',
    value: snap.limit - snap.remaining,
    max: snap.limit,
    markMs: snap.windowStartMs ?? null,
    markLabel: 'window start',
    numbersHeld: snap.remaining < snap.limit ? 3 : 0,
    exact: false,
  }),
};

function hasGauge(limiter: RateLimitAlgorithm): limiter is RateLimitAlgorithm & GaugedLimiter {
  return typeof (limiter as { gauge?: unknown }).gauge === 'function';
}

/**
 * The limiter's state for one client at `nowMs`, for drawing; reads, never records. `snapshot`,
 * if the caller already took it at `nowMs`, saves taking it again.
 */
export function gaugeOf(
  limiter: RateLimitAlgorithm,
  clientId: string,
  nowMs: number,
  snapshot?: LimiterSnapshot,
): LimiterGauge {
  if (hasGauge(limiter)) return limiter.gauge(clientId, nowMs);
  const fromSnapshot = FROM_SNAPSHOT[limiter.algorithm];
  if (fromSnapshot === undefined) {
    throw new Error(`${limiter.algorithm} has no gauge: add gauge() to its limiter`);
  }
  return fromSnapshot(snapshot ?? limiter.snapshot(clientId, nowMs));
}

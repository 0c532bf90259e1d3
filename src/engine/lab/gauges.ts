import type { AlgorithmName, LimiterGauge, RateLimitAlgorithm } from '../limiters';

/**
 * Gauges read from the snapshot, for the limiters that have no `gauge()` of their own yet (their
 * files are being reworked elsewhere). Snapshots count whole requests, so these bars move in whole
 * steps (`exact: false`); `numbersHeld` is the size of the per-client record while it still
 * matters (the quota not yet whole again).
 */
const FROM_SNAPSHOT: Partial<
  Record<
    AlgorithmName,
    (limiter: RateLimitAlgorithm, clientId: string, nowMs: number) => LimiterGauge
  >
> = {
  // nginx keeps the excess and the time it was measured.
  'leaky-bucket': (limiter, clientId, nowMs) => {
    const snap = limiter.snapshot(clientId, nowMs);
    return {
      label: 'requests in the bucket',
      value: snap.limit - snap.remaining,
      max: snap.limit,
      markMs: null,
      markLabel: null,
      numbersHeld: snap.remaining < snap.limit ? 2 : 0,
      exact: false,
    };
  },
  // The current window's start, its count and the previous window's count.
  'sliding-window-counter': (limiter, clientId, nowMs) => {
    const snap = limiter.snapshot(clientId, nowMs);
    return {
      label: 'estimated requests in the last window',
      value: snap.limit - snap.remaining,
      max: snap.limit,
      markMs: snap.windowStartMs ?? null,
      markLabel: 'window start',
      numbersHeld: snap.remaining < snap.limit ? 3 : 0,
      exact: false,
    };
  },
};

function hasGauge(
  limiter: RateLimitAlgorithm,
): limiter is RateLimitAlgorithm & { gauge(clientId: string, nowMs: number): LimiterGauge } {
  return typeof (limiter as { gauge?: unknown }).gauge === 'function';
}

/** The limiter's state for one client at `nowMs`, for drawing; reads, never records. */
export function gaugeOf(
  limiter: RateLimitAlgorithm,
  clientId: string,
  nowMs: number,
): LimiterGauge {
  if (hasGauge(limiter)) return limiter.gauge(clientId, nowMs);
  const fromSnapshot = FROM_SNAPSHOT[limiter.algorithm];
  if (fromSnapshot === undefined) {
    throw new Error(`${limiter.algorithm} has no gauge: add gauge() to its limiter`);
  }
  return fromSnapshot(limiter, clientId, nowMs);
}

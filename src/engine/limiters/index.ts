import { SettingError, requireWindowMs } from '../errors';
import { FixedWindowLimiter } from './fixedWindow';
import { GcraLimiter } from './gcra';
import { LeakyBucketLimiter, type LeakyBucketOptions } from './leakyBucket';
import { SlidingWindowCounterLimiter } from './slidingWindowCounter';
import { SlidingWindowLimiter, slidingLogSnapshot } from './slidingWindowLog';
import { TokenBucketLimiter } from './tokenBucket';
import type { AlgorithmName, RateLimitAlgorithm } from './types';

export type {
  AlgorithmName,
  GaugedLimiter,
  LimiterGauge,
  LimiterQuota,
  LimiterSnapshot,
  RateLimitAlgorithm,
} from './types';
export {
  FixedWindowLimiter,
  GcraLimiter,
  LeakyBucketLimiter,
  SlidingWindowCounterLimiter,
  SlidingWindowLimiter,
  TokenBucketLimiter,
  slidingLogSnapshot,
};

/** What the gateway needs to build a limiter. */
export interface LimiterSpec {
  readonly algorithm: AlgorithmName;
  /** Requests per window; bucket capacity; leaky-bucket rate per window. */
  readonly maxRequests: number;
  readonly windowMs: number;
  /** Leaky bucket only: defaults to `maxRequests − 1`, so `maxRequests` pass at once. */
  readonly burst?: number;
  /**
   * Token bucket only: the bucket's size (Envoy `max_tokens`, AWS `burst`) while `maxRequests`
   * per `windowMs` is the refill. Defaults to `maxRequests`: one number for size and refill, a
   * simplification real gateways do not make.
   */
  readonly bucketSize?: number;
  /** Leaky bucket only: defaults to true. */
  readonly nodelay?: boolean;
}

export const ALGORITHMS: readonly { readonly name: AlgorithmName; readonly label: string }[] = [
  { name: 'sliding-window-log', label: 'Sliding window (log)' },
  { name: 'fixed-window', label: 'Fixed window' },
  { name: 'sliding-window-counter', label: 'Sliding window (counter)' },
  { name: 'token-bucket', label: 'Token bucket' },
  { name: 'leaky-bucket', label: 'Leaky bucket (nginx limit_req)' },
  { name: 'gcra', label: 'GCRA (one timestamp)' },
];

export function isAlgorithmName(value: string): value is AlgorithmName {
  return ALGORITHMS.some((a) => a.name === value);
}

/**
 * The leaky bucket's `burst` and `nodelay` with the defaults filled in: `maxRequests` may pass at
 * once (burst `maxRequests − 1`), and queued requests are not delayed.
 */
export function leakyBucketOptions(
  spec: Pick<LimiterSpec, 'maxRequests' | 'burst' | 'nodelay'>,
): LeakyBucketOptions {
  return {
    burst: spec.burst ?? Math.max(0, Math.floor(spec.maxRequests) - 1),
    nodelay: spec.nodelay ?? true,
  };
}

/** Builds the limiter a spec describes; throws a SettingError for unusable settings. */
export function createLimiter(spec: LimiterSpec): RateLimitAlgorithm {
  switch (spec.algorithm) {
    case 'sliding-window-log':
      return new SlidingWindowLimiter(spec.maxRequests, spec.windowMs);
    case 'fixed-window':
      return new FixedWindowLimiter(spec.maxRequests, spec.windowMs);
    case 'sliding-window-counter':
      return new SlidingWindowCounterLimiter(spec.maxRequests, spec.windowMs);
    case 'token-bucket':
      return new TokenBucketLimiter(
        spec.bucketSize ?? spec.maxRequests,
        spec.windowMs,
        spec.maxRequests,
      );
    case 'leaky-bucket':
      // Checked here rather than in the bucket itself, as for every other algorithm's constructor.
      requireWindowMs(spec.windowMs);
      return new LeakyBucketLimiter(spec.maxRequests, spec.windowMs, leakyBucketOptions(spec));
    case 'gcra':
      return new GcraLimiter(spec.maxRequests, spec.windowMs);
    default:
      throw new SettingError('algorithm', `unknown algorithm "${String(spec.algorithm)}"`);
  }
}

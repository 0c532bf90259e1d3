import { requirePositiveInteger, requireWindowMs } from '../errors';
import type { LimiterGauge, LimiterSnapshot, RateLimitAlgorithm } from './types';

interface Bucket {
  /** Fill level in units of 1/windowMs of a token, so integer timestamps keep it exact. */
  level: number;
  lastMs: number;
}

/**
 * Token bucket (as Envoy's local rate limit and AWS API Gateway): a bucket of `capacity` tokens
 * (Envoy `max_tokens`, AWS `burst`), full at the start, refilled continuously at `refillPerWindow`
 * tokens per `windowMs` (Envoy `tokens_per_fill` per `fill_interval`, AWS `rate` per second); a
 * request takes one token and a refused one takes none. Bursts up to `capacity` pass at once, then
 * requests pass at the refill rate. Real gateways keep the two numbers apart; `refillPerWindow`
 * defaults to `capacity`, the one-number simplification the lesson's algorithm picker uses.
 */
export class TokenBucketLimiter implements RateLimitAlgorithm {
  readonly algorithm = 'token-bucket' as const;
  readonly policy: { readonly quota: number; readonly windowSeconds: number };
  readonly lastDelayMs = 0;
  private readonly buckets = new Map<string, Bucket>();
  /** One token, in level units. */
  private readonly tokenUnits: number;
  private readonly fullUnits: number;

  constructor(
    readonly capacity: number,
    readonly windowMs: number,
    readonly refillPerWindow: number = capacity,
  ) {
    requirePositiveInteger('maxRequests', refillPerWindow);
    requirePositiveInteger('burst', capacity);
    requireWindowMs(windowMs);
    this.policy = { quota: refillPerWindow, windowSeconds: windowMs / 1000 };
    this.tokenUnits = windowMs;
    this.fullUnits = capacity * windowMs;
  }

  get clientCount(): number {
    return this.buckets.size;
  }

  allowRequest(clientId: string, timestampMs: number): boolean {
    let bucket = this.buckets.get(clientId);
    if (bucket === undefined) {
      bucket = { level: this.fullUnits, lastMs: timestampMs };
      this.buckets.set(clientId, bucket);
    } else {
      bucket.level = this.levelAt(bucket, timestampMs);
      bucket.lastMs = timestampMs;
    }
    if (bucket.level < this.tokenUnits) return false;
    bucket.level -= this.tokenUnits;
    return true;
  }

  snapshot(clientId: string, nowMs: number): LimiterSnapshot {
    const bucket = this.buckets.get(clientId);
    const level = bucket === undefined ? this.fullUnits : this.levelAt(bucket, nowMs);
    const remaining = Math.floor(level / this.tokenUnits);
    // Each ms adds `refillPerWindow` units. Rounded up to a whole ms: a fractional wait lands on a level
    // a rounding error short of the token, and then the request would still be refused.
    const toNextToken = Math.ceil(
      (this.tokenUnits - (level % this.tokenUnits)) / this.refillPerWindow,
    );
    return {
      limit: this.capacity,
      remaining,
      msUntilAllowed: remaining > 0 ? 0 : toNextToken,
      msUntilNextSlot: level >= this.fullUnits ? 0 : toNextToken,
      marks: [],
    };
  }

  /** The bar is the tokens in the bucket at `nowMs`, fractions included. */
  gauge(clientId: string, nowMs: number): LimiterGauge {
    const bucket = this.buckets.get(clientId);
    const level = bucket === undefined ? this.fullUnits : this.levelAt(bucket, nowMs);
    return {
      label: 'tokens',
      value: level / this.tokenUnits,
      max: this.capacity,
      markMs: null,
      markLabel: null,
      // The level and the time it was measured.
      numbersHeld: bucket === undefined ? 0 : 2,
      exact: true,
    };
  }

  evictIdle(nowMs: number): number {
    let dropped = 0;
    for (const [clientId, bucket] of this.buckets) {
      // A full bucket is the same as no bucket.
      if (this.levelAt(bucket, nowMs) >= this.fullUnits) {
        this.buckets.delete(clientId);
        dropped++;
      }
    }
    return dropped;
  }

  private levelAt(bucket: Bucket, nowMs: number): number {
    const refilled = bucket.level + (nowMs - bucket.lastMs) * this.refillPerWindow;
    return refilled > this.fullUnits ? this.fullUnits : refilled;
  }
}

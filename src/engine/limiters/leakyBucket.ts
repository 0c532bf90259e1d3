import {
  SettingError,
  requireNonNegative,
  requirePositive,
  requirePositiveInteger,
} from '../errors';
import type { LimiterSnapshot, RateLimitAlgorithm } from './types';

interface Excess {
  /** Requests waiting in the bucket, in units of 1/windowMs of a request (nginx keeps 1/1000). */
  units: number;
  lastMs: number;
}

export interface LeakyBucketOptions {
  /** Requests that may queue beyond the steady rate (nginx `burst`). */
  readonly burst: number;
  /** Pass queued requests at once instead of delaying them (nginx `nodelay`). */
  readonly nodelay: boolean;
}

/**
 * Leaky bucket with nginx `limit_req` semantics. The bucket drains `rate` requests per `windowMs`.
 * Each request adds one to the excess (after draining); if the excess would exceed `burst`, the
 * request is refused and not recorded. Without `nodelay` an accepted request waits until the
 * excess ahead of it has drained (`lastDelayMs`); with `nodelay` it passes at once.
 */
export class LeakyBucketLimiter implements RateLimitAlgorithm {
  readonly algorithm = 'leaky-bucket' as const;
  readonly policy: { readonly quota: number; readonly windowSeconds: number };
  lastDelayMs = 0;
  readonly burst: number;
  readonly nodelay: boolean;
  private readonly clients = new Map<string, Excess>();
  /** One request, in excess units. */
  private readonly requestUnits: number;

  constructor(
    readonly rate: number,
    readonly windowMs: number,
    options: LeakyBucketOptions,
  ) {
    requirePositiveInteger('maxRequests', rate);
    requirePositive('windowMs', windowMs);
    requireNonNegative('burst', options.burst);
    if (!Number.isInteger(options.burst)) {
      throw new SettingError('burst', `must be a whole number, got ${options.burst}`);
    }
    this.burst = options.burst;
    this.nodelay = options.nodelay;
    this.requestUnits = windowMs;
    this.policy = { quota: rate, windowSeconds: windowMs / 1000 };
  }

  get clientCount(): number {
    return this.clients.size;
  }

  allowRequest(clientId: string, timestampMs: number): boolean {
    const state = this.clients.get(clientId);
    // nginx: a new client starts with no excess; an existing one drains, then adds this request.
    const units =
      state === undefined ? 0 : Math.max(0, this.drained(state, timestampMs) + this.requestUnits);
    if (units > this.burst * this.requestUnits) return false;
    if (state === undefined) this.clients.set(clientId, { units, lastMs: timestampMs });
    else {
      state.units = units;
      state.lastMs = timestampMs;
    }
    this.lastDelayMs = this.nodelay ? 0 : units / this.rate;
    return true;
  }

  snapshot(clientId: string, nowMs: number): LimiterSnapshot {
    const state = this.clients.get(clientId);
    const limit = this.burst + 1;
    if (state === undefined) {
      return { limit, remaining: limit, msUntilAllowed: 0, msUntilNextSlot: 0, marks: [] };
    }
    const level = this.drained(state, nowMs);
    const w = this.requestUnits;
    const remaining =
      level + w <= 0 ? limit : Math.max(0, Math.floor((this.burst * w - level) / w));
    // Draining `rate` units per ms; one more slot once the level reaches the next threshold.
    const target = remaining + 1 <= this.burst ? (this.burst - remaining - 1) * w : -w;
    // Waits are rounded up to a whole ms: a fractional wait lands on a level a rounding error
    // above the threshold, and then the request would still be refused.
    const msUntilNextSlot =
      remaining >= limit ? 0 : Math.max(0, Math.ceil((level - target) / this.rate));
    const msUntilAllowed =
      remaining > 0 ? 0 : Math.max(0, Math.ceil((level - (this.burst - 1) * w) / this.rate));
    return { limit, remaining, msUntilAllowed, msUntilNextSlot, marks: [] };
  }

  evictIdle(nowMs: number): number {
    let dropped = 0;
    for (const [clientId, state] of this.clients) {
      if (this.drained(state, nowMs) + this.requestUnits <= 0) {
        this.clients.delete(clientId);
        dropped++;
      }
    }
    return dropped;
  }

  /** The excess at `nowMs` after draining, possibly negative (fully drained for a while). */
  private drained(state: Excess, nowMs: number): number {
    return state.units - (nowMs - state.lastMs) * this.rate;
  }
}

import { requirePositiveInteger, requireWindowMs } from '../errors';
import type { LimiterGauge, LimiterSnapshot, RateLimitAlgorithm } from './types';

/**
 * GCRA, the generic cell rate algorithm (ATM's traffic policer; Redis's redis-cell module and the
 * Go `throttled` library use it): one number per client, the theoretical arrival time (TAT), the
 * moment the client would be back to an empty record if it sent nothing more.
 *
 * With the spec's `maxRequests` per `windowMs`, requests are due one emission interval
 * `T = windowMs / maxRequests` apart. A request at `t` passes when `TAT − t ≤ τ`, and then
 * `TAT = max(TAT, t) + T`; a refused request changes nothing.
 *
 * Burst tolerance: `τ = (maxRequests − 1) · T`, so a client idle for `windowMs` (or new) may send
 * `maxRequests` requests at once, then one every `T`. That is exactly the token bucket of capacity
 * `maxRequests` refilled at `maxRequests` per `windowMs` (tokenBucket.ts): the same decisions,
 * stored as one timestamp instead of a level and a time. So, like that bucket, up to about
 * 2 × maxRequests can pass in one span of `windowMs` (the burst, then the refill).
 *
 * Time is kept in units of 1/maxRequests ms, so `T` is `windowMs` units and whole-ms timestamps
 * stay exact integers.
 */
export class GcraLimiter implements RateLimitAlgorithm {
  readonly algorithm = 'gcra' as const;
  readonly policy: { readonly quota: number; readonly windowSeconds: number };
  readonly lastDelayMs = 0;
  /** TAT per client, in units of 1/maxRequests ms. */
  private readonly tats = new Map<string, number>();
  /** The emission interval T, in units. */
  private readonly intervalUnits: number;
  /** The burst tolerance τ, in units. */
  private readonly toleranceUnits: number;

  constructor(
    readonly maxRequests: number,
    readonly windowMs: number,
  ) {
    requirePositiveInteger('maxRequests', maxRequests);
    requireWindowMs(windowMs);
    this.policy = { quota: maxRequests, windowSeconds: windowMs / 1000 };
    this.intervalUnits = windowMs;
    this.toleranceUnits = (maxRequests - 1) * windowMs;
  }

  get clientCount(): number {
    return this.tats.size;
  }

  allowRequest(clientId: string, timestampMs: number): boolean {
    const nowUnits = timestampMs * this.maxRequests;
    const stored = this.tats.get(clientId);
    const tat = stored === undefined || stored < nowUnits ? nowUnits : stored;
    if (tat - nowUnits > this.toleranceUnits) return false;
    this.tats.set(clientId, tat + this.intervalUnits);
    return true;
  }

  snapshot(clientId: string, nowMs: number): LimiterSnapshot {
    const slack = this.slackUnits(clientId, nowMs);
    // Request k (from 0) of a run sent now passes while slack − k·T ≥ 0.
    const remaining = slack < 0 ? 0 : Math.floor(slack / this.intervalUnits) + 1;
    // The slack grows by maxRequests units per ms; one more request passes once it reaches
    // remaining·T. Rounded up to a whole ms, like the token bucket, so the wait is never short.
    const toNextSlot = Math.ceil((remaining * this.intervalUnits - slack) / this.maxRequests);
    return {
      limit: this.maxRequests,
      remaining,
      msUntilAllowed: remaining > 0 ? 0 : toNextSlot,
      msUntilNextSlot: remaining >= this.maxRequests ? 0 : toNextSlot,
      marks: [],
    };
  }

  /** The client's theoretical arrival time in ms; `nowMs` or earlier means a clean record. */
  theoreticalArrivalMs(clientId: string, nowMs: number): number {
    const stored = this.tats.get(clientId);
    return stored === undefined ? nowMs : stored / this.maxRequests;
  }

  /** The bar is how far the TAT runs ahead of now, in requests (T each): 0 idle, maxRequests full. */
  gauge(clientId: string, nowMs: number): LimiterGauge {
    const tatMs = this.theoreticalArrivalMs(clientId, nowMs);
    const aheadUnits = Math.max(0, tatMs * this.maxRequests - nowMs * this.maxRequests);
    return {
      label: 'requests ahead of schedule',
      value: aheadUnits / this.intervalUnits,
      max: this.maxRequests,
      markMs: tatMs,
      markLabel: 'theoretical arrival time',
      numbersHeld: this.tats.has(clientId) ? 1 : 0,
      exact: true,
    };
  }

  evictIdle(nowMs: number): number {
    const nowUnits = nowMs * this.maxRequests;
    let dropped = 0;
    for (const [clientId, tat] of this.tats) {
      // A TAT in the past is the same as no record.
      if (tat <= nowUnits) {
        this.tats.delete(clientId);
        dropped++;
      }
    }
    return dropped;
  }

  /** τ − (TAT − now): how far the client is from being refused, in units; negative when it is. */
  private slackUnits(clientId: string, nowMs: number): number {
    const nowUnits = nowMs * this.maxRequests;
    const stored = this.tats.get(clientId);
    const tat = stored === undefined || stored < nowUnits ? nowUnits : stored;
    return this.toleranceUnits - (tat - nowUnits);
  }
}

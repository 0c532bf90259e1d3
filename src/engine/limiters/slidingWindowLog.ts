import { requirePositive, requirePositiveInteger } from '../errors';
import type { LimiterSnapshot, RateLimitAlgorithm } from './types';

/**
 * One client's allowed timestamps, as a ring buffer that grows up to `maxRequests` slots.
 * `head` is the oldest entry; entries are in time order.
 */
interface ClientLog {
  times: Float64Array;
  head: number;
  count: number;
}

const INITIAL_SLOTS = 8;

/**
 * The sliding-window log: a request is allowed when fewer than `maxRequests` requests of the same
 * client were allowed in the last `windowMs`. A request exactly `windowMs` old no longer counts.
 * Refused requests are not recorded. Amortized O(1) per decision: each timestamp is appended once
 * and dropped once. Memory is O(maxRequests) per client.
 */
export class SlidingWindowLimiter implements RateLimitAlgorithm {
  readonly algorithm = 'sliding-window-log' as const;
  readonly policy: { readonly quota: number; readonly windowSeconds: number };
  readonly lastDelayMs = 0;
  private readonly clients = new Map<string, ClientLog>();

  constructor(
    readonly maxRequests: number,
    readonly windowMs: number,
  ) {
    requirePositiveInteger('maxRequests', maxRequests);
    requirePositive('windowMs', windowMs);
    this.policy = { quota: maxRequests, windowSeconds: windowMs / 1000 };
  }

  get clientCount(): number {
    return this.clients.size;
  }

  allowRequest(clientId: string, timestampMs: number): boolean {
    let log = this.clients.get(clientId);
    if (log === undefined) {
      log = {
        times: new Float64Array(Math.min(INITIAL_SLOTS, this.maxRequests)),
        head: 0,
        count: 0,
      };
      this.clients.set(clientId, log);
    } else {
      this.expire(log, timestampMs);
    }
    if (log.count >= this.maxRequests) return false;
    if (log.count === log.times.length) this.grow(log);
    const times = log.times;
    let tail = log.head + log.count;
    if (tail >= times.length) tail -= times.length;
    times[tail] = timestampMs;
    log.count++;
    return true;
  }

  snapshot(clientId: string, nowMs: number): LimiterSnapshot {
    const marks = this.marksAt(clientId, nowMs);
    const remaining = this.maxRequests - marks.length;
    const oldest = marks[0];
    const msUntilNextSlot = oldest === undefined ? 0 : oldest + this.windowMs - nowMs;
    return {
      limit: this.maxRequests,
      remaining,
      msUntilAllowed: remaining > 0 ? 0 : msUntilNextSlot,
      msUntilNextSlot,
      marks,
      windowStartMs: nowMs - this.windowMs,
    };
  }

  /** The client's allowed timestamps still inside the window at `nowMs`, oldest first. */
  marksAt(clientId: string, nowMs: number): number[] {
    const log = this.clients.get(clientId);
    if (log === undefined) return [];
    const marks: number[] = [];
    for (let i = 0; i < log.count; i++) {
      const t = log.times[(log.head + i) % log.times.length] as number;
      if (nowMs - t < this.windowMs) marks.push(t);
    }
    return marks;
  }

  evictIdle(nowMs: number): number {
    let dropped = 0;
    for (const [clientId, log] of this.clients) {
      this.expire(log, nowMs);
      if (log.count === 0) {
        this.clients.delete(clientId);
        dropped++;
      }
    }
    return dropped;
  }

  /** Drops entries that are `windowMs` or more older than `nowMs`. */
  private expire(log: ClientLog, nowMs: number): void {
    const times = log.times;
    const capacity = times.length;
    while (log.count > 0 && nowMs - (times[log.head] as number) >= this.windowMs) {
      log.head = log.head + 1 === capacity ? 0 : log.head + 1;
      log.count--;
    }
  }

  private grow(log: ClientLog): void {
    const old = log.times;
    const next = new Float64Array(Math.min(old.length * 2, this.maxRequests));
    for (let i = 0; i < log.count; i++) next[i] = old[(log.head + i) % old.length] as number;
    log.times = next;
    log.head = 0;
  }
}

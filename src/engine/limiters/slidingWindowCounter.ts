import { requirePositive, requirePositiveInteger } from '../errors';
import type { LimiterSnapshot, RateLimitAlgorithm } from './types';

interface TwoWindows {
  windowStartMs: number;
  current: number;
  previous: number;
}

/**
 * Sliding-window counter (as Cloudflare describes it): keeps only the counts of the current and
 * the previous fixed window, and estimates the sliding count as
 * `previous · (1 − elapsed/windowMs) + current`. A request is allowed while that estimate is
 * below `maxRequests`. O(1) memory per client, at the price of being an estimate.
 */
export class SlidingWindowCounterLimiter implements RateLimitAlgorithm {
  readonly algorithm = 'sliding-window-counter' as const;
  readonly policy: { readonly quota: number; readonly windowSeconds: number };
  readonly lastDelayMs = 0;
  private readonly clients = new Map<string, TwoWindows>();

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
    let state = this.clients.get(clientId);
    if (state === undefined) {
      state = { windowStartMs: this.windowStart(timestampMs), current: 0, previous: 0 };
      this.clients.set(clientId, state);
    } else {
      this.roll(state, timestampMs);
    }
    if (this.estimate(state, timestampMs) >= this.maxRequests) return false;
    state.current++;
    return true;
  }

  snapshot(clientId: string, nowMs: number): LimiterSnapshot {
    const stored = this.clients.get(clientId);
    const state: TwoWindows =
      stored === undefined
        ? { windowStartMs: this.windowStart(nowMs), current: 0, previous: 0 }
        : { ...stored };
    this.roll(state, nowMs);
    const estimate = this.estimate(state, nowMs);
    const remaining = Math.max(0, Math.ceil(this.maxRequests - estimate));
    return {
      limit: this.maxRequests,
      remaining,
      msUntilAllowed: remaining > 0 ? 0 : this.msUntilBelow(state, nowMs, this.maxRequests),
      msUntilNextSlot:
        estimate === 0 ? 0 : this.msUntilBelow(state, nowMs, Math.ceil(estimate) - 1 + 1e-9),
      marks: [],
      windowStartMs: state.windowStartMs,
    };
  }

  evictIdle(nowMs: number): number {
    let dropped = 0;
    for (const [clientId, state] of this.clients) {
      this.roll(state, nowMs);
      if (state.current === 0 && state.previous === 0) {
        this.clients.delete(clientId);
        dropped++;
      }
    }
    return dropped;
  }

  private windowStart(timestampMs: number): number {
    return Math.floor(timestampMs / this.windowMs) * this.windowMs;
  }

  /** Moves the state forward to the window holding `nowMs`. */
  private roll(state: TwoWindows, nowMs: number): void {
    const start = this.windowStart(nowMs);
    if (start === state.windowStartMs) return;
    state.previous = start - state.windowStartMs === this.windowMs ? state.current : 0;
    state.current = 0;
    state.windowStartMs = start;
  }

  private estimate(state: TwoWindows, nowMs: number): number {
    const weight = 1 - (nowMs - state.windowStartMs) / this.windowMs;
    return state.previous * weight + state.current;
  }

  /** ms from `nowMs` until the estimate drops below `target` (the state is already rolled). */
  private msUntilBelow(state: TwoWindows, nowMs: number, target: number): number {
    const elapsed = nowMs - state.windowStartMs;
    // Within this window the estimate falls linearly as the previous window's weight shrinks.
    if (state.previous > 0 && state.current < target) {
      const elapsedNeeded = (1 - (target - state.current) / state.previous) * this.windowMs;
      if (elapsedNeeded > elapsed) return elapsedNeeded - elapsed;
      return 0;
    }
    // Otherwise only the next window helps: there the current count becomes the previous one.
    const toNextWindow = this.windowMs - elapsed;
    if (state.current < target) return toNextWindow;
    const elapsedNeeded = (1 - target / state.current) * this.windowMs;
    return toNextWindow + Math.max(0, elapsedNeeded);
  }
}

import { requirePositiveInteger, requireWindowMs } from '../errors';
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
    requireWindowMs(windowMs);
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
    // One more unit comes back once the estimate falls below `maxRequests − remaining`.
    const msUntilNextSlot =
      remaining >= this.maxRequests
        ? 0
        : this.msUntilBelow(state, nowMs, this.maxRequests - remaining);
    return {
      limit: this.maxRequests,
      remaining,
      msUntilAllowed: remaining > 0 ? 0 : msUntilNextSlot,
      msUntilNextSlot,
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

  /** The estimate at `atMs` of a client now in `state`, without changing `state`. */
  private estimateAt(state: TwoWindows, atMs: number): number {
    const later = { ...state };
    this.roll(later, atMs);
    return this.estimate(later, atMs);
  }

  /**
   * Whole ms from `nowMs` until the estimate is below `target` (≥ 1), i.e. until a request
   * measured against `target` passes. Without new requests the estimate never rises, so the answer
   * is the first whole ms where `estimate` (which decides requests) is below `target`: found by a
   * bounded search around the exact crossing, since rounding can move the crossing across a whole
   * ms. A bounded search, not 1 ms steps, because past 2^53 a step of 1 ms no longer moves the time.
   */
  private msUntilBelow(state: TwoWindows, nowMs: number, target: number): number {
    const isBelow = (ms: number) => this.estimateAt(state, nowMs + ms) < target;
    if (isBelow(0)) return 0;
    const guess = Math.max(1, Math.floor(this.crossingMs(state, nowMs, target)) + 1);
    // Bracket the answer, doubling the step: `notYet` is not below (0 never is), `below` is.
    let notYet: number;
    let below: number;
    let step = 1;
    if (isBelow(guess)) {
      below = guess;
      while (below - step > 0 && isBelow(below - step)) {
        below -= step;
        step *= 2;
      }
      notYet = Math.max(0, below - step);
    } else {
      // Ends: after two windows with no requests the estimate is 0, and `target` ≥ 1.
      notYet = guess;
      while (!isBelow(notYet + step)) {
        notYet += step;
        step *= 2;
      }
      below = notYet + step;
    }
    while (below - notYet > 1) {
      const middle = notYet + Math.floor((below - notYet) / 2);
      if (middle === notYet || middle === below) break;
      if (isBelow(middle)) below = middle;
      else notYet = middle;
    }
    return below;
  }

  /** ms from `nowMs` until the estimate equals `target`, exactly (the state is already rolled). */
  private crossingMs(state: TwoWindows, nowMs: number, target: number): number {
    const elapsed = nowMs - state.windowStartMs;
    // Within this window the estimate falls linearly as the previous window's weight shrinks.
    if (state.previous > 0 && state.current < target) {
      const elapsedNeeded = (1 - (target - state.current) / state.previous) * this.windowMs;
      return Math.max(0, elapsedNeeded - elapsed);
    }
    // Otherwise only the next window helps: there the current count becomes the previous one.
    const toNextWindow = this.windowMs - elapsed;
    if (state.current < target) return toNextWindow;
    const elapsedNeeded = (1 - target / state.current) * this.windowMs;
    return toNextWindow + Math.max(0, elapsedNeeded);
  }
}

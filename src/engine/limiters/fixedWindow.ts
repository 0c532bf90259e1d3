import { requirePositiveInteger, requireWindowMs } from '../errors';
import type { LimiterGauge, LimiterSnapshot, RateLimitAlgorithm } from './types';

interface WindowCount {
  windowStartMs: number;
  count: number;
}

/**
 * Fixed window on calendar boundaries (as Kong's rate-limiting plugin): the time line is cut into
 * windows `[k·windowMs, (k+1)·windowMs)` and each client may have `maxRequests` allowed in each.
 * Its known flaw: up to twice the limit passes in a short span across a boundary.
 */
export class FixedWindowLimiter implements RateLimitAlgorithm {
  readonly algorithm = 'fixed-window' as const;
  readonly policy: { readonly quota: number; readonly windowSeconds: number };
  readonly lastDelayMs = 0;
  private readonly clients = new Map<string, WindowCount>();

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
    const windowStartMs = this.windowStart(timestampMs);
    const state = this.clients.get(clientId);
    if (state === undefined) {
      this.clients.set(clientId, { windowStartMs, count: 1 });
      return true;
    }
    if (state.windowStartMs !== windowStartMs) {
      state.windowStartMs = windowStartMs;
      state.count = 0;
    }
    if (state.count >= this.maxRequests) return false;
    state.count++;
    return true;
  }

  snapshot(clientId: string, nowMs: number): LimiterSnapshot {
    const windowStartMs = this.windowStart(nowMs);
    const state = this.clients.get(clientId);
    const used = state !== undefined && state.windowStartMs === windowStartMs ? state.count : 0;
    const remaining = this.maxRequests - used;
    const msUntilNextSlot = used === 0 ? 0 : windowStartMs + this.windowMs - nowMs;
    return {
      limit: this.maxRequests,
      remaining,
      msUntilAllowed: remaining > 0 ? 0 : msUntilNextSlot,
      msUntilNextSlot,
      marks: [],
      windowStartMs,
    };
  }

  /** The bar is the count of the window holding `nowMs`; the mark is that window's start. */
  gauge(clientId: string, nowMs: number): LimiterGauge {
    const windowStartMs = this.windowStart(nowMs);
    const state = this.clients.get(clientId);
    const count = state !== undefined && state.windowStartMs === windowStartMs ? state.count : 0;
    return {
      label: 'requests in this window',
      value: count,
      max: this.maxRequests,
      markMs: windowStartMs,
      markLabel: 'window start',
      // The window start and the count.
      numbersHeld: state === undefined ? 0 : 2,
      exact: true,
    };
  }

  evictIdle(nowMs: number): number {
    const current = this.windowStart(nowMs);
    let dropped = 0;
    for (const [clientId, state] of this.clients) {
      if (state.windowStartMs < current) {
        this.clients.delete(clientId);
        dropped++;
      }
    }
    return dropped;
  }

  private windowStart(timestampMs: number): number {
    return Math.floor(timestampMs / this.windowMs) * this.windowMs;
  }
}

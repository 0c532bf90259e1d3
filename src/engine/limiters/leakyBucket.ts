import {
  SettingError,
  requireNonNegative,
  requirePositive,
  requirePositiveInteger,
} from '../errors';
import type { LimiterSnapshot, RateLimitAlgorithm } from './types';

/** One request in nginx's excess unit: excess is kept in thousandths of a request. */
const REQUEST = 1000;

interface Excess {
  /** Requests ahead in the bucket, in thousandths of a request (a whole number, never below 0). */
  thousandths: number;
  /** Whole ms of the last accepted request that moved the clock on. */
  lastMs: number;
}

export interface LeakyBucketOptions {
  /** Requests that may queue beyond the steady rate (nginx `burst`). */
  readonly burst: number;
  /** Pass queued requests at once instead of delaying them (nginx `nodelay`). */
  readonly nodelay: boolean;
}

/**
 * nginx's rate for `rate` requests per `windowMs`, as nginx stores it: a whole number of
 * thousandths of a request per second, rounded down (`5r/m` is 83, so a slot lasts 12.048 s).
 */
export function nginxRateThousandths(rate: number, windowMs: number): number {
  return Math.floor((rate * 1_000_000) / windowMs);
}

/**
 * nginx `limit_req` (ngx_http_limit_req_module), decision for decision, for one zone. Time is in
 * whole ms (a fractional timestamp is rounded down, as nginx's cached clock is). A request adds one
 * request (1000 thousandths) to the client's excess after draining `rate × elapsed ms / 1000`,
 * rounded down, since the last accepted request; the excess never drops below 0. If it would
 * exceed `burst`, the request is refused and nothing is recorded. A client's first request always
 * passes with excess 0. Without `nodelay` an accepted request waits `excess × 1000 / rate` ms
 * (`lastDelayMs`) before it is passed on; the decision is the same either way.
 */
export class LeakyBucketLimiter implements RateLimitAlgorithm {
  readonly algorithm = 'leaky-bucket' as const;
  readonly policy: { readonly quota: number; readonly windowSeconds: number };
  lastDelayMs = 0;
  readonly burst: number;
  readonly nodelay: boolean;
  /** The rate as nginx stores it: thousandths of a request per second. */
  readonly rateThousandths: number;
  private readonly clients = new Map<string, Excess>();

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
    this.rateThousandths = nginxRateThousandths(rate, windowMs);
    if (this.rateThousandths < 1) {
      throw new SettingError(
        'windowMs',
        `${rate} per ${windowMs} ms is slower than nginx can store (1 request per 1000 s)`,
      );
    }
    this.burst = options.burst;
    this.nodelay = options.nodelay;
    this.policy = { quota: rate, windowSeconds: windowMs / 1000 };
  }

  get clientCount(): number {
    return this.clients.size;
  }

  allowRequest(clientId: string, timestampMs: number): boolean {
    const nowMs = Math.floor(timestampMs);
    const state = this.clients.get(clientId);
    if (state === undefined) {
      this.clients.set(clientId, { thousandths: 0, lastMs: nowMs });
      this.lastDelayMs = 0;
      return true;
    }
    const elapsedMs = Math.max(0, nowMs - state.lastMs);
    const excess = this.nextExcess(state, elapsedMs);
    if (excess > this.burst * REQUEST) return false;
    state.thousandths = excess;
    // nginx moves `last` only when time has passed, so drains are never lost to a 0 ms step.
    if (elapsedMs > 0) state.lastMs = nowMs;
    this.lastDelayMs = this.nodelay ? 0 : Math.floor((excess * 1000) / this.rateThousandths);
    return true;
  }

  snapshot(clientId: string, nowMs: number): LimiterSnapshot {
    const state = this.clients.get(clientId);
    const limit = this.burst + 1;
    if (state === undefined) {
      return { limit, remaining: limit, msUntilAllowed: 0, msUntilNextSlot: 0, marks: [] };
    }
    const elapsedMs = Math.max(0, Math.floor(nowMs) - state.lastMs);
    const next = this.nextExcess(state, elapsedMs);
    const most = this.burst * REQUEST;
    const remaining = next > most ? 0 : Math.floor((most - next) / REQUEST) + 1;
    // `remaining + 1` requests fit once the next request's excess is at most `most − remaining`.
    const msUntilNextSlot =
      remaining >= limit
        ? 0
        : this.msUntilNextExcessAtMost(state, most - remaining * REQUEST, elapsedMs);
    const msUntilAllowed = remaining > 0 ? 0 : this.msUntilNextExcessAtMost(state, most, elapsedMs);
    return { limit, remaining, msUntilAllowed, msUntilNextSlot, marks: [] };
  }

  evictIdle(nowMs: number): number {
    let dropped = 0;
    for (const [clientId, state] of this.clients) {
      // Forgotten only when its next request would start from 0, exactly like a new client's.
      const elapsedMs = Math.max(0, Math.floor(nowMs) - state.lastMs);
      if (this.nextExcess(state, elapsedMs) === 0) {
        this.clients.delete(clientId);
        dropped++;
      }
    }
    return dropped;
  }

  /** The excess a request arriving `elapsedMs` after the last accepted one would bring. */
  private nextExcess(state: Excess, elapsedMs: number): number {
    const drained = Math.floor((this.rateThousandths * elapsedMs) / 1000);
    return Math.max(0, state.thousandths - drained + REQUEST);
  }

  /** Whole ms from now until a request's excess would be at most `target` thousandths. */
  private msUntilNextExcessAtMost(state: Excess, target: number, elapsedMs: number): number {
    const mustDrain = state.thousandths + REQUEST - target;
    const sinceLastMs = Math.ceil((mustDrain * 1000) / this.rateThousandths);
    return Math.max(0, sinceLastMs - elapsedMs);
  }
}

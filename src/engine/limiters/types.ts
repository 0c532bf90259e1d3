/** The rate-limiting algorithms the gateway can use. */
export type AlgorithmName =
  | 'sliding-window-log'
  | 'fixed-window'
  | 'sliding-window-counter'
  | 'token-bucket'
  | 'leaky-bucket'
  | 'gcra';

/** One client's quota at a moment: what the rate-limit stage's headers and note need. */
export interface LimiterQuota {
  /** Requests allowed per window (or bucket capacity). */
  readonly limit: number;
  /** Requests that would be allowed right now, one after another. */
  readonly remaining: number;
  /** 0 when a request would be allowed now, else ms until one would be (fractional when timestamps are). */
  readonly msUntilAllowed: number;
  /** ms until one more unit of quota comes back (0 when the quota is full). */
  readonly msUntilNextSlot: number;
  /** Start of the window the marks belong to, for window-based algorithms. */
  readonly windowStartMs?: number;
}

/** What the UI shows about one client's quota at a moment: the quota and the marks behind it. */
export interface LimiterSnapshot extends LimiterQuota {
  /** Timestamps of the allowed requests that still count against the quota, oldest first. */
  readonly marks: readonly number[];
}

/**
 * One interface for every algorithm. Time only ever comes from the arguments, and a client's
 * timestamps must not decrease.
 */
export interface RateLimitAlgorithm {
  readonly algorithm: AlgorithmName;
  /** The IETF draft's `q` and `w`: quota units and the window in seconds they refer to. */
  readonly policy: { readonly quota: number; readonly windowSeconds: number };
  /** Decides one request and records it if allowed. Refused requests are not recorded. */
  allowRequest(clientId: string, timestampMs: number): boolean;
  /**
   * How long the last allowed request must wait before it is passed on (ms). Only the leaky
   * bucket without `nodelay` ever delays; every other algorithm reports 0.
   */
  readonly lastDelayMs: number;
  /** The client's quota as of `nowMs`, without recording anything. */
  snapshot(clientId: string, nowMs: number): LimiterSnapshot;
  /**
   * The snapshot without its marks, for a limiter whose snapshot copies them (the sliding log):
   * the rate-limit stage asks this on every request. Must equal `snapshot` minus `marks`.
   * Optional: without it the stage reads `snapshot`.
   */
  quota?(clientId: string, nowMs: number): LimiterQuota;
  /** Forgets clients whose state no longer matters at `nowMs`; returns how many were dropped. */
  evictIdle(nowMs: number): number;
  /** Number of clients with state held. */
  readonly clientCount: number;
}

/**
 * A limiter's own state for one client, in the shape a timeline draws under each request: a bar
 * from 0 to `max` (window count, tokens, bucket level, GCRA's debt) and, where the algorithm has
 * one, a moment on the time axis (window start, theoretical arrival time).
 */
export interface LimiterGauge {
  /** What the bar is, for a legend or a table header: "requests in this window", "tokens". */
  readonly label: string;
  /** The bar, in requests or tokens; may be fractional (a bucket level). */
  readonly value: number;
  /** The bar's full scale. */
  readonly max: number;
  /** A moment to mark on the time axis; null when there is none now. */
  readonly markMs: number | null;
  /** What that moment is ("window start", "theoretical arrival time"); null if never any. */
  readonly markLabel: string | null;
  /**
   * Numbers the algorithm must hold for this client right now to decide its next request (a
   * timestamp, a count). Memory estimates count 8 bytes for each.
   */
  readonly numbersHeld: number;
  /** false when the value is read from the snapshot, so rounded to whole requests. */
  readonly exact: boolean;
}

/** A limiter that can describe its state for drawing. */
export interface GaugedLimiter {
  gauge(clientId: string, nowMs: number): LimiterGauge;
}

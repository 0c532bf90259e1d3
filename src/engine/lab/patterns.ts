import { SettingError, requirePositive, requirePositiveInteger } from '../errors';
import { createRandom } from '../random';
import { MAX_TRAFFIC, burst, poisson, spread, type RequestTemplate } from '../traffic';

/** The limit every algorithm in the lab is given: `maxRequests` per `windowMs`. */
export interface LabLimit {
  readonly maxRequests: number;
  readonly windowMs: number;
}

/** Arrival times fixed in advance: every algorithm sees the same requests. */
export interface OpenTrace {
  readonly kind: 'open';
  /** Non-decreasing. */
  readonly timesMs: readonly number[];
}

/**
 * A client that retries what is refused: closed-loop, so what it sends depends on the decisions
 * and each algorithm gets its own trace. `demandMs` are the first attempts.
 */
export interface RetryStormTrace {
  readonly kind: 'retry-storm';
  readonly demandMs: readonly number[];
  /**
   * true: a refused request is retried when `Retry-After` says (whole seconds, at least 1, as the
   * gateway sends it). false: it is retried after `retryDelayMs`, whatever the gateway said.
   */
  readonly honourRetryAfter: boolean;
  readonly retryDelayMs: number;
  /** Retries per demanded request before the client gives up. */
  readonly maxRetries: number;
}

export type LabTrace = OpenTrace | RetryStormTrace;

/** The patterns the lab offers; `drawn` comes from `drawnTrace`. */
export const LAB_PATTERNS = [
  { id: 'steady', label: 'Steady', description: 'Evenly spaced, at 1.5× the limit.' },
  {
    id: 'boundary-burst',
    label: 'Burst at a window boundary',
    description: 'The limit just before a window ends, and the limit again just after.',
  },
  { id: 'poisson', label: 'Poisson', description: 'Random arrivals at 1.5× the limit on average.' },
  {
    id: 'periodic-spikes',
    label: 'Periodic spikes',
    description: 'The limit at once, every half window.',
  },
  {
    id: 'retry-storm',
    label: 'Retry storm (ignores Retry-After)',
    description:
      'A burst, then steady demand; every 429 is retried 1 s later (sooner for short windows), up to 5 times.',
  },
  {
    id: 'retry-storm-honoured',
    label: 'Retry storm (honours Retry-After)',
    description: 'The same demand; every 429 is retried when Retry-After says, up to 5 times.',
  },
] as const;

export type LabPatternId = (typeof LAB_PATTERNS)[number]['id'];

export interface PatternOptions {
  /** Seed for the random patterns (Poisson). */
  readonly seed?: number;
  /** How many windows the trace covers. */
  readonly windows?: number;
}

/** One anonymous client: the lab shows what one client's quota does. */
const LEARNER: RequestTemplate = { clientId: 'learner', apiKey: 'learner', path: '/' };
const RETRIES = 5;

/** The trace a pattern makes for this limit; the same seed gives the same trace. */
export function makeTrace(
  pattern: LabPatternId,
  limit: LabLimit,
  options: PatternOptions = {},
): LabTrace {
  requirePositiveInteger('maxRequests', limit.maxRequests);
  requirePositive('windowMs', limit.windowMs);
  const windows = options.windows ?? 3;
  requirePositiveInteger('windows', windows);
  const { maxRequests: max, windowMs } = limit;
  const limitPerSecond = (max / windowMs) * 1000;
  const times = (requests: readonly { sentAtMs: number }[]): number[] =>
    requests.map((r) => r.sentAtMs);
  const capped = (count: number): number => Math.min(MAX_TRAFFIC, Math.max(1, Math.round(count)));
  switch (pattern) {
    case 'steady':
      return open(times(spread(LEARNER, capped(1.5 * max * windows), 0, 1.5 * limitPerSecond)));
    case 'boundary-burst': {
      // Packed into the last and the first 4% of a window, so one span of windowMs holds both.
      const gapMs = (0.04 * windowMs) / max;
      const before = Array.from({ length: max }, (_, i) => 0.95 * windowMs + i * gapMs);
      const after = Array.from({ length: max }, (_, i) => windowMs + i * gapMs);
      return open([...before, ...after]);
    }
    case 'poisson':
      return open(
        times(
          poisson(
            LEARNER,
            createRandom(options.seed ?? 1),
            0,
            windows * windowMs,
            1.5 * limitPerSecond,
          ),
        ),
      );
    case 'periodic-spikes': {
      const spikes = Array.from({ length: 2 * windows }, (_, k) =>
        times(burst(LEARNER, max, (k * windowMs) / 2)),
      );
      return open(spikes.flat());
    }
    case 'retry-storm':
    case 'retry-storm-honoured': {
      // Twice the limit at once, then demand at the limit's own rate: without the burst's
      // retries the limit would just keep up.
      const demandMs = [
        ...times(burst(LEARNER, 2 * max, 0)),
        ...times(spread(LEARNER, capped(max * windows), windowMs / max, limitPerSecond)),
      ];
      return {
        kind: 'retry-storm',
        demandMs,
        honourRetryAfter: pattern === 'retry-storm-honoured',
        retryDelayMs: Math.min(1000, windowMs / 10),
        maxRetries: RETRIES,
      };
    }
    default:
      throw new SettingError('pattern', `unknown pattern "${String(pattern)}"`);
  }
}

/**
 * A trace the learner drew: times in ms, in any order. Throws a SettingError (setting `timesMs`)
 * for an empty list, a time that is not a finite number ≥ 0, or more than MAX_TRAFFIC times.
 */
export function drawnTrace(timesMs: readonly number[]): OpenTrace {
  if (timesMs.length === 0) throw new SettingError('timesMs', 'draw at least one request');
  if (timesMs.length > MAX_TRAFFIC) {
    throw new SettingError('timesMs', `at most ${MAX_TRAFFIC} requests, got ${timesMs.length}`);
  }
  const bad = timesMs.find((t) => !Number.isFinite(t) || t < 0);
  if (bad !== undefined) {
    throw new SettingError('timesMs', `every time must be a number ≥ 0, got ${bad}`);
  }
  return open([...timesMs].sort((a, b) => a - b));
}

function open(timesMs: readonly number[]): OpenTrace {
  return { kind: 'open', timesMs };
}

import { EventQueue } from '../eventQueue';
import { toRetryAfterSeconds } from '../profiles/lesson';
import {
  ALGORITHMS,
  createLimiter,
  type AlgorithmName,
  type RateLimitAlgorithm,
} from '../limiters';
import { mostInAnyWindow } from './busiestWindow';
import { gaugeOf } from './gauges';
import type { LabLimit, LabTrace } from './patterns';
import { labVerdict } from './verdict';

/** The one client every lab request comes from. */
const CLIENT = 'learner';
/** Memory model: every number a limiter holds for a client is a 64-bit float. */
export const BYTES_PER_NUMBER = 8;

/** One request as one algorithm decided it. */
export interface LabRequest {
  readonly atMs: number;
  readonly allowed: boolean;
  /** Which first attempt this belongs to (its index in the trace's demand), and which try (0 first). */
  readonly demandIndex: number;
  readonly attempt: number;
  /**
   * Refused: the limiter's `msUntilAllowed` right after refusing (what `Retry-After` is made from).
   * Allowed: how long it is held before being passed on (leaky bucket without nodelay), else 0.
   */
  readonly waitMs: number;
  /** The limiter's gauge right after this request: the bar (see the run's `gauge` for its scale). */
  readonly level: number;
  /** The gauge's moment on the time axis right after this request, if any. */
  readonly markMs: number | null;
}

/** The limiter's state at a moment between requests, for drawing a continuous line. */
export interface LabSample {
  readonly atMs: number;
  readonly level: number;
  readonly markMs: number | null;
}

/** What a run's `level` and `markMs` mean, the same for every request of the run. */
export interface GaugeScale {
  readonly label: string;
  readonly max: number;
  readonly markLabel: string | null;
  /** false when the level is rounded to whole requests. */
  readonly exact: boolean;
}

export interface LabFigures {
  /** Requests sent (a retry storm sends a different number to each algorithm). */
  readonly sent: number;
  readonly allowed: number;
  readonly refused: number;
  /** Demanded requests never allowed (a retry storm's client gives up after its retries). */
  readonly gaveUp: number;
  /** The most allowed requests in any span of windowMs, any start: the fixed window's 2× shows here. */
  readonly mostInAnyWindow: number;
  /**
   * The longest wait a well-behaved client is given: the largest `msUntilAllowed` reported right
   * after a refusal (a client that retries exactly then passes, if it sends nothing else meanwhile:
   * the limiters' snapshot contract), or the longest hold of an allowed request, whichever is more.
   */
  readonly longestWaitMs: number;
  /** BYTES_PER_NUMBER × the most numbers the limiter held for the client during the trace. */
  readonly memoryBytesPerClient: number;
  /** Measured with the caller's timer on a replay of these requests; null without a timer. */
  readonly decisionsPerSecond: number | null;
}

export interface AlgorithmRun {
  readonly algorithm: AlgorithmName;
  readonly label: string;
  readonly gauge: GaugeScale;
  /** In time order. */
  readonly requests: readonly LabRequest[];
  /** Evenly spaced over the result's axis. */
  readonly samples: readonly LabSample[];
  readonly figures: LabFigures;
}

export interface LabResult {
  readonly limit: LabLimit;
  /** The shared time axis: from the first request to the last request of any algorithm. */
  readonly startMs: number;
  readonly endMs: number;
  /** One per algorithm, in the registry's order. */
  readonly runs: readonly AlgorithmRun[];
  /** Sentences comparing the algorithms, made from the figures. */
  readonly verdict: readonly string[];
}

export interface LabOptions {
  /** A clock in ms (performance.now in the page); decisions per second are measured with it. */
  readonly timer?: () => number;
  /** Timed replays repeat until they take this long on the timer, for a readable figure. */
  readonly minTimedMs?: number;
  /** Gauge samples per algorithm across the axis. */
  readonly samples?: number;
}

/** Runs `trace` through every algorithm in the registry, each with `limit`. */
export function runLab(limit: LabLimit, trace: LabTrace, options: LabOptions = {}): LabResult {
  const decided = ALGORITHMS.map(({ name, label }) => {
    const make = () =>
      createLimiter({ algorithm: name, maxRequests: limit.maxRequests, windowMs: limit.windowMs });
    return { name, label, make, ...decide(make(), trace) };
  });
  // Requests are in time order, so the axis runs from the earliest first to the latest last.
  const firsts = decided.map((d) => d.requests[0]?.atMs ?? 0);
  const lasts = decided.map((d) => d.requests[d.requests.length - 1]?.atMs ?? 0);
  const startMs = Math.min(...firsts);
  const endMs = Math.max(...lasts);
  const runs = decided.map(({ name, label, make, requests, gauge, mostNumbersHeld }) => {
    const timesMs = requests.map((r) => r.atMs);
    const figures: LabFigures = {
      ...countDecisions(requests),
      mostInAnyWindow: mostInAnyWindow(
        requests.filter((r) => r.allowed).map((r) => r.atMs),
        limit.windowMs,
      ),
      memoryBytesPerClient: BYTES_PER_NUMBER * mostNumbersHeld,
      decisionsPerSecond:
        options.timer === undefined
          ? null
          : decisionsPerSecond(make, timesMs, options.timer, options.minTimedMs ?? 5),
    };
    const samples = sampleGauges(make(), timesMs, startMs, endMs, options.samples ?? 240);
    return { algorithm: name, label, gauge, requests, samples, figures };
  });
  return { limit, startMs, endMs, runs, verdict: labVerdict(limit, trace, runs) };
}

/** The figures that come from counting decisions, in one pass. */
function countDecisions(
  requests: readonly LabRequest[],
): Pick<LabFigures, 'sent' | 'allowed' | 'refused' | 'gaveUp' | 'longestWaitMs'> {
  let allowed = 0;
  let longestWaitMs = 0;
  let demands = 0;
  for (const r of requests) if (r.demandIndex >= demands) demands = r.demandIndex + 1;
  // Demand indexes run from 0: a flag per demand, set once one of its attempts is allowed.
  const served = new Uint8Array(demands);
  let servedCount = 0;
  for (const r of requests) {
    if (r.allowed) {
      allowed++;
      if (served[r.demandIndex] === 0) {
        served[r.demandIndex] = 1;
        servedCount++;
      }
    }
    if (r.waitMs > longestWaitMs) longestWaitMs = r.waitMs;
  }
  return {
    sent: requests.length,
    allowed,
    refused: requests.length - allowed,
    gaveUp: demands - servedCount,
    longestWaitMs,
  };
}

/** Decides the trace with one limiter; a retry storm's retries follow that limiter's answers. */
function decide(
  limiter: RateLimitAlgorithm,
  trace: LabTrace,
): { requests: LabRequest[]; gauge: GaugeScale; mostNumbersHeld: number } {
  const requests: LabRequest[] = [];
  const first = gaugeOf(limiter, CLIENT, 0);
  const gauge: GaugeScale = {
    label: first.label,
    max: first.max,
    markLabel: first.markLabel,
    exact: first.exact,
  };
  let mostNumbersHeld = 0;
  const send = (atMs: number, demandIndex: number, attempt: number): boolean => {
    const allowed = limiter.allowRequest(CLIENT, atMs);
    const snapshot = allowed ? undefined : limiter.snapshot(CLIENT, atMs);
    const waitMs = snapshot === undefined ? limiter.lastDelayMs : snapshot.msUntilAllowed;
    const { value, markMs, numbersHeld } = gaugeOf(limiter, CLIENT, atMs, snapshot);
    if (numbersHeld > mostNumbersHeld) mostNumbersHeld = numbersHeld;
    requests.push({ atMs, allowed, demandIndex, attempt, waitMs, level: value, markMs });
    return allowed;
  };
  if (trace.kind === 'open') {
    trace.timesMs.forEach((atMs, i) => send(atMs, i, 0));
    return { requests, gauge, mostNumbersHeld };
  }
  const queue = new EventQueue<{ demandIndex: number; attempt: number }>();
  trace.demandMs.forEach((atMs, demandIndex) => queue.push(atMs, { demandIndex, attempt: 0 }));
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const { atMs, item } = next;
    if (send(atMs, item.demandIndex, item.attempt) || item.attempt >= trace.maxRetries) continue;
    const waitMs = trace.honourRetryAfter
      ? toRetryAfterSeconds((requests[requests.length - 1] as LabRequest).waitMs) * 1000
      : trace.retryDelayMs;
    queue.push(atMs + waitMs, { demandIndex: item.demandIndex, attempt: item.attempt + 1 });
  }
  return { requests, gauge, mostNumbersHeld };
}

/** Replays the request times into a fresh limiter, reading its gauge at evenly spaced moments. */
function sampleGauges(
  limiter: RateLimitAlgorithm,
  timesMs: readonly number[],
  startMs: number,
  endMs: number,
  count: number,
): LabSample[] {
  const samples: LabSample[] = [];
  const stepMs = count > 1 ? (endMs - startMs) / (count - 1) : 0;
  let next = 0;
  for (let k = 0; k < count; k++) {
    const atMs = startMs + k * stepMs;
    // Requests at or before the sample moment are decided first, so the sample shows their effect.
    while (next < timesMs.length && (timesMs[next] as number) <= atMs) {
      limiter.allowRequest(CLIENT, timesMs[next] as number);
      next++;
    }
    const { value, markMs } = gaugeOf(limiter, CLIENT, atMs);
    samples.push({ atMs, level: value, markMs });
  }
  return samples;
}

/** Decisions per second on the caller's clock: whole replays on fresh limiters, until `minMs`. */
function decisionsPerSecond(
  make: () => RateLimitAlgorithm,
  timesMs: readonly number[],
  timer: () => number,
  minMs: number,
): number {
  const maxDecisions = 5_000_000;
  let decisions = 0;
  const started = timer();
  let elapsedMs: number;
  do {
    const limiter = make();
    for (const atMs of timesMs) limiter.allowRequest(CLIENT, atMs);
    decisions += timesMs.length;
    elapsedMs = timer() - started;
  } while (elapsedMs < minMs && decisions < maxDecisions);
  // A coarse timer can read 0 for a fast replay: report what one tick would mean, not Infinity.
  return (decisions / Math.max(elapsedMs, 1e-3)) * 1000;
}

import {
  SettingError,
  requireNonNegative,
  requirePositive,
  requirePositiveInteger,
} from '../errors';
import { EventQueue } from '../eventQueue';
import { createLimiter, type AlgorithmName } from '../limiters';

/** The most replicas the model draws. */
export const MAX_REPLICAS = 8;

/**
 * Where the rate-limit counters live.
 * - `local`: each replica counts on its own (Kong `policy: local`, Envoy's local rate limit).
 * - `shared`: one store counts for all (Kong `policy: redis` or `cluster`, Envoy's global rate
 *   limit service backed by Redis).
 */
export type CounterPlacement = 'local' | 'shared';

/**
 * How a replica uses a shared counter.
 * - `read-then-write`: GET the count, decide, then INCR if allowed: two round trips, and requests
 *   whose GETs reach the store before an earlier request's INCR all read the same count (a race).
 *   The shape of Kong's rate-limiting plugin with a shared policy: read the usage, then increment.
 * - `atomic`: INCR first and decide on the value it returns (Envoy's rate limit service; a Lua
 *   script does the same): one round trip, no race. Refused requests are counted too.
 */
export type StoreStrategy = 'read-then-write' | 'atomic';

interface ReplicaSetup {
  /** Replicas behind a round-robin load balancer, 1 to MAX_REPLICAS. */
  readonly replicas: number;
  readonly maxRequests: number;
  readonly windowMs: number;
}

export interface LocalCounters extends ReplicaSetup {
  readonly counters: 'local';
  /** Each replica's limiter; default `fixed-window` (Kong's rate-limiting plugin). */
  readonly algorithm?: AlgorithmName;
}

/** A shared store keeps a fixed-window count per window, as Kong's and Envoy's do. */
export interface SharedCounters extends ReplicaSetup {
  readonly counters: 'shared';
  readonly strategy: StoreStrategy;
  /**
   * Time from a replica sending a command to the store until the reply is back. The store applies
   * the command halfway, at once and in the order commands reach it.
   */
  readonly storeRoundTripMs: number;
}

export type ScaleSettings = LocalCounters | SharedCounters;

/** One command to the store: sent by a replica, applied at the store, answered. */
export interface StoreTrip {
  readonly command: 'GET' | 'INCR';
  readonly sentAtMs: number;
  readonly atStoreMs: number;
  readonly backAtMs: number;
  /** The window the counter belongs to (its start, ms). */
  readonly windowStartMs: number;
  /** GET: the count read. INCR: the count after incrementing. */
  readonly value: number;
}

export interface ScaleRequest {
  /** Position in arrival order. */
  readonly index: number;
  readonly arrivedAtMs: number;
  /** 0-based replica the load balancer chose. */
  readonly replica: number;
  /** In the order they were sent; empty with local counters. */
  readonly trips: readonly StoreTrip[];
  readonly allowed: boolean;
  /** When the replica knew its answer: on arrival locally, after the store's reply when shared. */
  readonly decidedAtMs: number;
}

export interface ScaleResult {
  readonly settings: ScaleSettings;
  readonly requests: readonly ScaleRequest[];
  readonly admittedPerReplica: readonly number[];
  readonly admitted: number;
  readonly refused: number;
  /**
   * What one counter with no latency admits on the same arrivals (one limiter of the local
   * algorithm, or one fixed window for a shared store): the limit as it was meant.
   */
  readonly oneCounterAdmits: number;
}

/** Runs arrivals (ms, any order) through the replicas; every request is from one client. */
export function runScale(settings: ScaleSettings, arrivalsMs: readonly number[]): ScaleResult {
  checkSettings(settings);
  const bad = arrivalsMs.find((t) => !Number.isFinite(t) || t < 0);
  if (bad !== undefined) throw new SettingError('arrivalsMs', `must be numbers ≥ 0, got ${bad}`);
  const sorted = [...arrivalsMs].sort((a, b) => a - b);
  const requests =
    settings.counters === 'local'
      ? decideLocally(settings, sorted)
      : decideShared(settings, sorted);
  const admittedPerReplica = Array.from(
    { length: settings.replicas },
    (_, replica) => requests.filter((r) => r.allowed && r.replica === replica).length,
  );
  const admitted = requests.filter((r) => r.allowed).length;
  const oneCounter = createLimiter({
    algorithm: settings.counters === 'local' ? localAlgorithm(settings) : 'fixed-window',
    maxRequests: settings.maxRequests,
    windowMs: settings.windowMs,
  });
  const oneCounterAdmits = sorted.filter((t) => oneCounter.allowRequest('client', t)).length;
  return {
    settings,
    requests,
    admittedPerReplica,
    admitted,
    refused: requests.length - admitted,
    oneCounterAdmits,
  };
}

function checkSettings(settings: ScaleSettings): void {
  requirePositiveInteger('replicas', settings.replicas);
  if (settings.replicas > MAX_REPLICAS) {
    throw new SettingError('replicas', `at most ${MAX_REPLICAS}, got ${settings.replicas}`);
  }
  if (settings.counters === 'shared') {
    requireNonNegative('storeRoundTripMs', settings.storeRoundTripMs);
  }
  requirePositiveInteger('maxRequests', settings.maxRequests);
  requirePositive('windowMs', settings.windowMs);
}

/** Round robin: the i-th request goes to replica i mod N. */
const replicaFor = (index: number, replicas: number): number => index % replicas;

const localAlgorithm = (settings: LocalCounters): AlgorithmName =>
  settings.algorithm ?? 'fixed-window';

function decideLocally(settings: LocalCounters, arrivalsMs: readonly number[]): ScaleRequest[] {
  const limiters = Array.from({ length: settings.replicas }, () =>
    createLimiter({
      algorithm: localAlgorithm(settings),
      maxRequests: settings.maxRequests,
      windowMs: settings.windowMs,
    }),
  );
  return arrivalsMs.map((arrivedAtMs, index) => {
    const replica = replicaFor(index, settings.replicas);
    const allowed = (limiters[replica] as (typeof limiters)[number]).allowRequest(
      'client',
      arrivedAtMs,
    );
    return { index, arrivedAtMs, replica, trips: [], allowed, decidedAtMs: arrivedAtMs };
  });
}

interface Command {
  readonly command: 'GET' | 'INCR';
  readonly index: number;
  readonly sentAtMs: number;
  readonly windowStartMs: number;
}

/**
 * Commands are applied in the order they reach the store. Every command takes half the round trip
 * to get there, so commands that arrive together were sent together: the earlier request's first.
 */
function decideShared(settings: SharedCounters, arrivalsMs: readonly number[]): ScaleRequest[] {
  const { storeRoundTripMs: rttMs, maxRequests, windowMs } = settings;
  const oneWayMs = rttMs / 2;
  const counts = new Map<number, number>();
  const trips: StoreTrip[][] = arrivalsMs.map(() => []);
  const allowed: boolean[] = arrivalsMs.map(() => false);
  const decidedAtMs: number[] = arrivalsMs.map((t) => t + rttMs);
  const queue = new EventQueue<Command>((a, b) => a.index - b.index);
  const send = (command: Command): void => queue.push(command.sentAtMs + oneWayMs, command);
  arrivalsMs.forEach((arrivedAtMs, index) => {
    const windowStartMs = Math.floor(arrivedAtMs / windowMs) * windowMs;
    const command = settings.strategy === 'atomic' ? 'INCR' : 'GET';
    send({ command, index, sentAtMs: arrivedAtMs, windowStartMs });
  });
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const { atMs: atStoreMs, item } = next;
    const before = counts.get(item.windowStartMs) ?? 0;
    const value = item.command === 'INCR' ? before + 1 : before;
    counts.set(item.windowStartMs, value);
    (trips[item.index] as StoreTrip[]).push({
      command: item.command,
      sentAtMs: item.sentAtMs,
      atStoreMs,
      backAtMs: item.sentAtMs + rttMs,
      windowStartMs: item.windowStartMs,
      value,
    });
    if (item.command === 'GET') {
      // The reply comes back at sentAtMs + rtt; the replica decides then and, if it allows the
      // request, sends the INCR. Knowing the answer now changes nothing the store sees earlier.
      if (value < maxRequests) {
        allowed[item.index] = true;
        send({ ...item, command: 'INCR', sentAtMs: item.sentAtMs + rttMs });
      }
    } else if (settings.strategy === 'atomic') {
      allowed[item.index] = value <= maxRequests;
    }
  }
  return arrivalsMs.map((arrivedAtMs, index) => ({
    index,
    arrivedAtMs,
    replica: replicaFor(index, settings.replicas),
    trips: trips[index] as StoreTrip[],
    allowed: allowed[index] as boolean,
    decidedAtMs: decidedAtMs[index] as number,
  }));
}

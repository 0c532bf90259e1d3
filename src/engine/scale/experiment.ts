import { requireNonNegative, requirePositiveInteger } from '../errors';
import { runScale, type ScaleResult } from './replicas';

/** The question "how many of these requests pass?", asked of replicas with local and shared counters. */
export interface ReplicaQuestion {
  readonly requests: number;
  /** Time between arrivals; the first arrives at 0. */
  readonly gapMs: number;
  readonly replicas: number;
  readonly maxRequests: number;
  readonly windowMs: number;
  readonly storeRoundTripMs: number;
}

export interface ReplicaAnswer {
  readonly local: ScaleResult;
  /** Shared store with an atomic increment: the limit holds. */
  readonly shared: ScaleResult;
  /** Shared store read-then-write: over-admits when arrivals are closer than the round trip. */
  readonly sharedReadThenWrite: ScaleResult;
}

/**
 * The experiment: 20 requests, 3 replicas, 5 per minute; arrivals 500 ms apart and a
 * store 2 ms away, so the race does not show and the shared store holds the limit.
 */
export const REPLICA_EXPERIMENT: ReplicaQuestion = {
  requests: 20,
  gapMs: 500,
  replicas: 3,
  maxRequests: 5,
  windowMs: 60_000,
  storeRoundTripMs: 2,
};

/** How many pass with local counters, and with a shared store (both strategies). */
export function answerReplicaQuestion(question: ReplicaQuestion): ReplicaAnswer {
  requirePositiveInteger('requests', question.requests);
  requireNonNegative('gapMs', question.gapMs);
  const arrivalsMs = Array.from({ length: question.requests }, (_, i) => i * question.gapMs);
  const { replicas, maxRequests, windowMs, storeRoundTripMs } = question;
  const base = { replicas, maxRequests, windowMs };
  const shared = { ...base, counters: 'shared', storeRoundTripMs } as const;
  return {
    local: runScale({ ...base, counters: 'local' }, arrivalsMs),
    shared: runScale({ ...shared, strategy: 'atomic' }, arrivalsMs),
    sharedReadThenWrite: runScale({ ...shared, strategy: 'read-then-write' }, arrivalsMs),
  };
}

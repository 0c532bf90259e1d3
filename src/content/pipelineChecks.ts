import { LESSON_PROFILE, pathOnly, type RequestTrace } from '../engine';
import { reachedStage, responseHeader, stageNote } from './decisions';
import type { CheckResult, ExperimentContext } from './experiments';

const CACHE = 'cache';
const BALANCER = 'balancer';
const RATE_LIMIT = 'rate-limit';
const CACHE_STATUS = LESSON_PROFILE.cacheStatusHeader;
export const CACHE_PATH = '/api/users';

const reachedService = (trace: RequestTrace) => trace.decision.upstream !== null;
const methodOf = (trace: RequestTrace) => trace.decision.method;

/**
 * Experiment 5, from the log: a GET to /api/users stored by the cache (Miss, served), a later GET
 * answered from it (Hit) that never reached a service and still passed the rate limit, and a POST
 * that was not cached.
 */
export function checkCache({ traces }: ExperimentContext): CheckResult {
  const toUsers = traces.filter((t) => pathOnly(t.request.path) === CACHE_PATH);
  if (!toUsers.some((t) => reachedStage(t, CACHE))) {
    return {
      done: false,
      started: false,
      feedback:
        toUsers.length === 0
          ? `No request to ${CACHE_PATH} in the log yet.`
          : 'The cache stage is off: set up the scenario (or turn it on in the Pipeline panel).',
    };
  }
  const miss = toUsers.find(
    (t) => methodOf(t) === 'GET' && responseHeader(t, CACHE_STATUS) === 'Miss' && reachedService(t),
  );
  const hit =
    miss === undefined
      ? undefined
      : toUsers.find(
          (t) =>
            t.id > miss.id && methodOf(t) === 'GET' && responseHeader(t, CACHE_STATUS) === 'Hit',
        );
  const post = toUsers.find((t) => methodOf(t) === 'POST' && reachedStage(t, CACHE));
  const missing: string[] = [];
  if (miss === undefined) missing.push(`a GET to ${CACHE_PATH} that the service answers (a Miss)`);
  else if (hit === undefined)
    missing.push(
      `a second GET once the first is back: it should be a Hit (the first was log #${miss.id})`,
    );
  if (post === undefined) missing.push(`a POST to ${CACHE_PATH} (choose POST in the form)`);
  if (hit === undefined || post === undefined || miss === undefined) {
    return { done: false, started: true, feedback: `Still to do: ${missing.join('; ')}.` };
  }
  if (reachedService(hit)) {
    return {
      done: false,
      started: true,
      feedback: `Log #${hit.id} says Hit but reached a service.`,
    };
  }
  const postStatus = responseHeader(post, CACHE_STATUS) ?? 'no cache status';
  if (postStatus === 'Hit') {
    return { done: false, started: true, feedback: `Log #${post.id}, a POST, was a Hit.` };
  }
  const quota = stageNote(hit, RATE_LIMIT);
  return {
    done: true,
    started: true,
    feedback:
      `Log #${miss.id} was a Miss: the user service answered and the cache kept the answer. ` +
      `Log #${hit.id} was a Hit, answered at the gateway without reaching the user service, ` +
      `yet it passed the rate limit first` +
      (quota === null ? '' : ` (“${quota}”)`) +
      `: the cache stands after the limiter, so a Hit still uses quota. ` +
      `Log #${post.id}, a POST, was “${postStatus}”: only GET and HEAD are cached, because a POST changes something and must reach the service.`,
  };
}

/** The instance a forwarded request went to, or null. */
const instanceOf = (trace: RequestTrace) => trace.decision.upstream?.instance ?? null;
const failed = (trace: RequestTrace) =>
  trace.decision.upstream !== null && trace.decision.upstream.outcome !== 'ok';

/**
 * Experiment 6, from the log: an instance failed, later requests went round it to at least two
 * others (it was ejected), and at last the balancer answered 503 itself: every instance out,
 * circuit open, no waiting for a service.
 */
export function checkResilience({ traces }: ExperimentContext): CheckResult {
  const balanced = traces.filter((t) => reachedStage(t, BALANCER));
  if (balanced.length === 0) {
    return {
      done: false,
      started: false,
      feedback: 'Load balancing is off: set up the scenario (three user-service instances).',
    };
  }
  const firstFailure = balanced.find(failed);
  if (firstFailure === undefined) {
    return {
      done: false,
      started: true,
      feedback:
        'No failure yet: take a user-service instance down with its button on the graph, then send requests.',
    };
  }
  const broken = instanceOf(firstFailure) as string;
  const failures = balanced.filter((t) => instanceOf(t) === broken && failed(t));
  const lastFailure = failures.at(-1) as RequestTrace;
  // After the gateway learnt of the last failure: requests that avoid the broken instance.
  const after = balanced.filter(
    (t) => t.arrivedAtMs >= (lastFailure.decision.upstream?.settledAtMs ?? Infinity),
  );
  const firstBack = after.findIndex((t) => instanceOf(t) === broken);
  const whileOut = firstBack === -1 ? after : after.slice(0, firstBack);
  const others = new Set(
    whileOut.filter((t) => t.decision.status === 200).map((t) => instanceOf(t) as string),
  );
  const circuit = traces.find(
    (t) => t.decision.decidedBy === BALANCER && t.decision.status === 503 && !reachedService(t),
  );
  const ejected = failures.length >= 1 && others.size >= 2;
  if (!ejected) {
    return {
      done: false,
      started: true,
      feedback:
        `${broken} failed ${failures.length} time${failures.length === 1 ? '' : 's'} (log #${failures.map((t) => t.id).join(', #')}). ` +
        'Send more requests once those answers are back: the balancer should eject it and spread them over the other two.',
    };
  }
  if (circuit === undefined) {
    return {
      done: false,
      started: true,
      feedback:
        `${broken} was ejected after ${failures.length} failure${failures.length === 1 ? '' : 's'}, and the traffic went to ${[...others].join(' and ')}. ` +
        'Now take the other instances down too and send again until the gateway answers 503 itself.',
    };
  }
  return {
    done: true,
    started: true,
    feedback:
      `${broken} failed (log #${failures.map((t) => t.id).join(', #')}) and was ejected: the next requests went to ${[...others].join(' and ')}. ` +
      `With every instance out, log #${circuit.id} got 503 from the load balancer at once (“${stageNote(circuit, BALANCER) ?? ''}”): the circuit is open, so the client waits for no service. ` +
      'After the cool-down one probe request decides whether it closes again.',
  };
}

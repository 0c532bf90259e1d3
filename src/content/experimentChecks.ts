import { limiterKey, pathOnly, type RequestTrace } from '../engine';
import {
  decidedBy,
  onlyStage,
  reachedStage,
  refusedBy,
  responseHeader,
  routeOf,
  routePathOf,
  servedBy,
  stageNote,
} from './decisions';
import type { CheckResult, ExperimentContext } from './experiments';

/** The stages the experiments talk about, by the engine's names. */
const AUTH = 'auth';
const RATE_LIMIT = 'rate-limit';

function under(path: string, prefix: string): boolean {
  const plain = pathOnly(path);
  return plain === prefix || plain.startsWith(`${prefix}/`);
}

/** Experiment 1, from the log: per key, the requests the limiter saw and the first it refused. */
export function checkBursts({ traces, prediction }: ExperimentContext): CheckResult {
  const byKey = new Map<string, RequestTrace[]>();
  for (const trace of traces.filter((t) => reachedStage(t, RATE_LIMIT))) {
    const key = limiterKey(trace.request);
    const sent = byKey.get(key);
    if (sent === undefined) byKey.set(key, [trace]);
    else sent.push(trace);
  }
  if (prediction === null) {
    return {
      done: false,
      started: false,
      feedback: 'First write down your prediction, then send the requests.',
    };
  }
  for (const [key, sent] of byKey) {
    const firstRefused = sent.findIndex((trace) => refusedBy(trace, RATE_LIMIT));
    if (sent.length < 6 || firstRefused === -1) continue;
    const refused = sent[firstRefused] as RequestTrace;
    const lastAllowed = sent[firstRefused - 1];
    const allowedNote = lastAllowed === undefined ? null : stageNote(lastAllowed, RATE_LIMIT);
    const retryAfter = responseHeader(refused, 'Retry-After');
    const nth = firstRefused + 1;
    const right = prediction === nth;
    const verdict = right
      ? `Your prediction, request ${prediction}, was right.`
      : `Not as you predicted: you said request ${prediction}, and it was request ${nth}.`;
    return {
      done: true,
      started: true,
      predictionRight: right,
      feedback:
        `${verdict} With key "${key}", requests 1–${firstRefused} passed the limiter` +
        (allowedNote === null ? '' : ` (after the last one it said “${allowedNote}”)`) +
        `, so request ${nth} (log #${refused.id}) got ${refused.decision.status}` +
        (retryAfter === undefined ? '.' : ` with Retry-After: ${retryAfter} s.`) +
        ' The limiter lets the allowed number through and refuses the next one in the same window.',
    };
  }
  let most = 0;
  for (const sent of byKey.values()) most = Math.max(most, sent.length);
  return {
    done: false,
    started: true,
    feedback:
      most === 0
        ? 'Prediction saved. Now send requests with one API key from the playground.'
        : `So far ${most} request(s) with one key reached the limiter; send at least 6 with the same key, fast enough that one is refused.`,
  };
}

/** Experiment 2: a request without a key refused by authentication alone. */
export function checkNoKey({ traces }: ExperimentContext): CheckResult {
  const keyless = traces.filter((trace) => (trace.request.apiKey ?? '') === '');
  const refusedAtAuth = keyless.find(
    (trace) => trace.decision.status === 401 && onlyStage(trace, AUTH),
  );
  if (refusedAtAuth === undefined) {
    return {
      done: false,
      started: keyless.length > 0,
      feedback: 'No request without a key in the log yet.',
    };
  }
  const note = stageNote(refusedAtAuth, AUTH);
  return {
    done: true,
    started: true,
    feedback:
      `Request #${refusedAtAuth.id} had no key: the auth stage refused it with 401` +
      (note === null ? '' : ` (“${note}”)`) +
      ' and the rate-limit stage never ran, so no quota was used. Authentication comes first because' +
      ' the limiter counts per client: until the gateway knows who is calling there is nobody to count,' +
      ' and refusing early costs the least.',
  };
}

const PAYMENTS_PATH = '/api/payments';
const PAYMENT_SERVICE = 'payment-service';

/** What went wrong with a request to /api/payments, in words the learner can act on. */
function whyNotPayments(trace: RequestTrace): string {
  const start = `Request #${trace.id} to ${trace.request.path} got ${trace.decision.status}`;
  const served = servedBy(trace);
  if (served !== null) {
    return (
      `${start} from ${served}, not from ${PAYMENT_SERVICE}: the route ${routePathOf(trace) ?? ''}` +
      ` points at the wrong service. Remove it and add it again with the Payment service.`
    );
  }
  const by = decidedBy(trace);
  if (trace.decision.status === 404) {
    return `${start}: no route matches ${PAYMENTS_PATH} yet. Add one with the route editor below.`;
  }
  if (by === AUTH) {
    return `${start} at ${by}: pick a client with a registered key (e.g. Mobile app) and send again.`;
  }
  if (by === RATE_LIMIT) {
    return `${start} at ${by}: that key has used its quota. Wait for the window or reset the playground, then send again.`;
  }
  return `${start} (decided by ${by}).`;
}

/** Experiment 3: a request under /api/payments answered 200 by the payment service. */
export function checkNewRoute({ traces }: ExperimentContext): CheckResult {
  const toPayments = traces.filter((trace) => under(trace.request.path, PAYMENTS_PATH));
  const served = toPayments.find((trace) => servedBy(trace) === PAYMENT_SERVICE);
  if (served === undefined) {
    const last = toPayments.at(-1);
    return {
      done: false,
      started: toPayments.length > 0,
      feedback:
        last === undefined
          ? `No request to ${PAYMENTS_PATH} in the log yet.`
          : whyNotPayments(last),
    };
  }
  return {
    done: true,
    started: true,
    feedback: `Request #${served.id} to ${served.request.path} matched the route ${routePathOf(served) ?? ''} and the gateway forwarded it to ${PAYMENT_SERVICE}: 200.`,
  };
}

/** Experiment 4: sub-paths of users and orders served through the learner's own lookup. */
export function checkPathPrefixes({
  traces,
  learnerLookupProblem,
}: ExperimentContext): CheckResult {
  /** What was wrong with the learner's lookup that routed `trace`; undefined: not theirs. */
  const problemOf = (trace: RequestTrace) => {
    const route = routeOf(trace);
    return route === null ? undefined : learnerLookupProblem(route);
  };
  const below = (prefix: string, service: string) =>
    traces.filter(
      (trace) =>
        pathOnly(trace.request.path).startsWith(`${prefix}/`) &&
        servedBy(trace) === service &&
        problemOf(trace) !== undefined,
    );
  const usersAny = below('/api/users', 'user-service');
  const ordersAny = below('/api/orders', 'order-service');
  const started = usersAny.length > 0 || ordersAny.length > 0;
  // Only a lookup without a known flaw counts, even if the learner switches it off afterwards.
  const users = usersAny.find((trace) => problemOf(trace) === null);
  const orders = ordersAny.find((trace) => problemOf(trace) === null);
  const flaw = [...usersAny, ...ordersAny].map(problemOf).find((p) => typeof p === 'string');
  if ((users === undefined || orders === undefined) && flaw !== undefined) {
    return { done: false, started, feedback: `Almost: ${flaw}` };
  }
  const missing = [
    users === undefined ? 'a path below /api/users (e.g. /api/users/123) to user-service' : null,
    orders === undefined ? 'a path below /api/orders (e.g. /api/orders/9) to order-service' : null,
  ].filter((part) => part !== null);
  if (users !== undefined && orders !== undefined) {
    return {
      done: true,
      started: true,
      feedback: `Your lookup sent ${users.request.path} (#${users.id}) to user-service and ${orders.request.path} (#${orders.id}) to order-service.`,
    };
  }
  return {
    done: false,
    started,
    feedback: `Still to see, routed by your code: ${missing.join('; ')}.`,
  };
}

/** A lookup that passes experiment 4 (the reference solution). */
export const PREFIX_LOOKUP_SOLUTION = `function findRoute(path, routes) {
  if (routes[path]) return routes[path];
  for (const key of Object.keys(routes)) {
    if (path.startsWith(key + '/')) return routes[key];
  }
  return null;
}`;

/** The lookup as the lesson's gateway has it: exact match only. */
export const EXACT_LOOKUP = `function findRoute(path, routes) {
  return routes[path] ?? null;
}`;

import { limiterKey, pathOnly, type RequestTrace, type Route } from '../engine';

export type ExperimentId = 'bursts' | 'no-key' | 'new-route' | 'path-prefixes';

/** What a check sees: the traces since the experiment (re)started, and the learner's inputs. */
export interface ExperimentContext {
  readonly traces: readonly RequestTrace[];
  /** Experiment 1: the request number the learner expects to be refused first. */
  readonly prediction: number | null;
  /** Experiment 4: did the learner's own lookup produce this route? */
  readonly isLearnerRoute: (route: Route) => boolean;
}

/** A check's verdict: done, or how far along, with a sentence built from the log. */
export interface CheckResult {
  readonly done: boolean;
  /** The learner has done something that counts towards the goal. */
  readonly started: boolean;
  readonly feedback: string;
}

export interface Experiment {
  readonly id: ExperimentId;
  readonly title: string;
  readonly goal: string;
  /** Revealed one at a time, vaguest first. */
  readonly hints: readonly string[];
  readonly check: (context: ExperimentContext) => CheckResult;
}

/** Traces whose request went on to the limiter, i.e. passed authentication. */
function reachedLimiter(trace: RequestTrace): boolean {
  return trace.decision.stages.some((record) => record.stage === 'rate-limit');
}

function under(path: string, prefix: string): boolean {
  const plain = pathOnly(path);
  return plain === prefix || plain.startsWith(`${prefix}/`);
}

/** Experiment 1, from the log: per key, the requests the limiter saw and the first it refused. */
export function checkBursts({ traces, prediction }: ExperimentContext): CheckResult {
  const byKey = new Map<string, RequestTrace[]>();
  for (const trace of traces.filter(reachedLimiter)) {
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
    const firstRefused = sent.findIndex((trace) => trace.decision.decidedBy === 'rate-limit');
    if (sent.length < 6 || firstRefused === -1) continue;
    const refused = sent[firstRefused] as RequestTrace;
    const lastAllowed = sent[firstRefused - 1];
    const allowedNote =
      lastAllowed?.decision.stages.find((record) => record.stage === 'rate-limit')?.note ?? '';
    const retryAfter = refused.decision.headers['Retry-After'];
    const nth = firstRefused + 1;
    const verdict =
      prediction === nth
        ? `Your prediction, request ${prediction}, was right.`
        : `You predicted request ${prediction}; it was request ${nth}.`;
    return {
      done: true,
      started: true,
      feedback:
        `${verdict} With key "${key}", requests 1–${firstRefused} passed the limiter` +
        (allowedNote === '' ? '' : ` (after the last one it said “${allowedNote}”)`) +
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
    (trace) =>
      trace.decision.status === 401 &&
      trace.decision.stages.every((record) => record.stage === 'auth'),
  );
  if (refusedAtAuth === undefined) {
    return {
      done: false,
      started: keyless.length > 0,
      feedback: 'No request without a key in the log yet.',
    };
  }
  const stage = refusedAtAuth.decision.stages[0];
  return {
    done: true,
    started: true,
    feedback:
      `Request #${refusedAtAuth.id} had no key: the auth stage refused it with 401` +
      (stage === undefined ? '' : ` (“${stage.note}”)`) +
      ' and the rate-limit stage never ran, so no quota was used. Authentication comes first because' +
      ' the limiter counts per client: until the gateway knows who is calling there is nobody to count,' +
      ' and refusing early costs the least.',
  };
}

/** Experiment 3: a request under /api/payments answered 200 by the payment service. */
export function checkNewRoute({ traces }: ExperimentContext): CheckResult {
  const toPayments = traces.filter((trace) => under(trace.request.path, '/api/payments'));
  const served = toPayments.find(
    (trace) => trace.decision.status === 200 && trace.decision.service === 'payment-service',
  );
  if (served === undefined) {
    const last = toPayments.at(-1);
    return {
      done: false,
      started: toPayments.length > 0,
      feedback:
        last === undefined
          ? 'No request to /api/payments in the log yet.'
          : `Request #${last.id} to ${last.request.path} got ${last.decision.status}` +
            ` (decided by ${last.decision.decidedBy}).`,
    };
  }
  return {
    done: true,
    started: true,
    feedback: `Request #${served.id} to ${served.request.path} matched the route ${served.decision.route?.path ?? ''} and the gateway forwarded it to payment-service: 200.`,
  };
}

/** Experiment 4: sub-paths of users and orders served through the learner's own lookup. */
export function checkPathPrefixes({ traces, isLearnerRoute }: ExperimentContext): CheckResult {
  const servedBelow = (prefix: string, service: string) =>
    traces.find(
      (trace) =>
        pathOnly(trace.request.path).startsWith(`${prefix}/`) &&
        trace.decision.status === 200 &&
        trace.decision.service === service &&
        trace.decision.route !== null &&
        isLearnerRoute(trace.decision.route),
    );
  const users = servedBelow('/api/users', 'user-service');
  const orders = servedBelow('/api/orders', 'order-service');
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
    started: users !== undefined || orders !== undefined,
    feedback: `Still to see, routed by your code: ${missing.join('; ')}.`,
  };
}

export const EXPERIMENTS: readonly Experiment[] = [
  {
    id: 'bursts',
    title: '1. Bursts',
    goal: 'Predict on which request rate limiting starts, then send 6 requests with the same API key and compare.',
    hints: [
      'The limiter counts requests per API key inside its window.',
      'Look at the “Max requests” setting: that many requests pass.',
      'Pick the Mobile app client and send a burst of 6 requests to /api/users.',
    ],
    check: checkBursts,
  },
  {
    id: 'no-key',
    title: '2. No key',
    goal: 'Send a request without an API key and see that it is refused before rate limiting.',
    hints: [
      'One of the clients sends no key at all.',
      'Choose the Anonymous script client and send one request.',
      'Open the request in the log: which stages did it pass through?',
    ],
    check: checkNoKey,
  },
  {
    id: 'new-route',
    title: '3. New route',
    goal: 'Add a route /api/payments → payment service, then send a request to it and see it forwarded.',
    hints: [
      'Use the route editor below: a path and a service.',
      'The path must start with “/”, like /api/payments.',
      'Then send a request to /api/payments with a client that has a key.',
    ],
    check: checkNewRoute,
  },
  {
    id: 'path-prefixes',
    title: '4. Prefix matching',
    goal: 'Change the route lookup so /api/users/123 reaches the user service and /api/orders/9 the order service, then send both.',
    hints: [
      'Right now the lookup only finds a route whose path is exactly the request path.',
      'Look for a route key that the request path starts with, followed by “/”.',
      'Loop over Object.keys(routes) and return routes[key] when path === key or path.startsWith(key + "/").',
    ],
    check: checkPathPrefixes,
  },
];

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

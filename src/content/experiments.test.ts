import { describe, expect, it } from 'vitest';
import {
  burst,
  Gateway,
  type GatewaySettings,
  Simulation,
  type RequestTrace,
  type Route,
  type TrafficRequest,
} from '../engine';
import {
  learnerRouteLookup,
  routesAsTable,
  unansweredPaths,
} from '../components/exercises/learnerLookup';
import { INITIAL_ROUTES, INITIAL_SETTINGS } from './services';
import { boundaryMistake, probePaths } from './lookupAnswers';
import {
  EXACT_LOOKUP,
  EXPERIMENTS,
  PREFIX_LOOKUP_SOLUTION,
  type ExperimentContext,
  type ExperimentId,
} from './experiments';

const SETTINGS = INITIAL_SETTINGS;

/** A playground as the page has it: a gateway with the starting routes and its simulation. */
function playground(settings: Partial<GatewaySettings> = {}) {
  const gateway = new Gateway({ ...SETTINGS, ...settings }, INITIAL_ROUTES);
  const simulation = new Simulation(gateway, { seed: 2024 });
  let clockMs = 0;
  // The simulation keeps only traces still in flight; the page's store keeps the log, as here.
  const traces: RequestTrace[] = [];
  const send = (traffic: readonly TrafficRequest[]): readonly RequestTrace[] => {
    simulation.send(traffic);
    clockMs += 1000;
    traces.push(...simulation.advanceTo(clockMs));
    return traces;
  };
  return { gateway, simulation, send, now: () => clockMs };
}

const mobile = (path: string) => ({ clientId: 'mobile', apiKey: 'abc123', path });
const anonymous = (path: string) => ({ clientId: 'script', apiKey: null, path });

function check(id: ExperimentId, context: Partial<ExperimentContext>) {
  const experiment = EXPERIMENTS.find((candidate) => candidate.id === id);
  if (experiment === undefined) throw new Error(`no experiment ${id}`);
  return experiment.check({
    traces: [],
    prediction: null,
    learnerLookupProblem: () => undefined,
    ...context,
  });
}

/** Runs a learner lookup the way the worker does: a function of (path, routes). */
function runLookupLocally(source: string, routes: readonly Route[], paths: readonly string[]) {
  const findRoute = new Function(`${source}; return findRoute;`)() as (
    path: string,
    table: Record<string, string>,
  ) => string | null;
  return new Map(paths.map((path) => [path, findRoute(path, routesAsTable(routes))] as const));
}

describe('experiment 1: bursts', () => {
  it('is done after 6 requests with one key, explained from the log', () => {
    const { send, now } = playground();
    const traces = send(burst(mobile('/api/users'), 6, now()));
    const result = check('bursts', { traces, prediction: 6 });
    expect(result.done).toBe(true);
    expect(result.feedback).toContain('was right');
    expect(result.feedback).toContain('request 6');
  });

  it('derives the refused request from the settings, not a fixed 6', () => {
    const { send, now } = playground({ maxRequests: 3 });
    const traces = send(burst(mobile('/api/users'), 6, now()));
    const result = check('bursts', { traces, prediction: 6 });
    expect(result.done).toBe(true);
    expect(result.feedback).toContain('it was request 4');
  });

  it('says a wrong prediction was wrong, in words, and a right one right', () => {
    const { send, now } = playground();
    const traces = send(burst(mobile('/api/users'), 6, now()));
    const wrong = check('bursts', { traces, prediction: 5 });
    expect(wrong.done).toBe(true);
    expect(wrong.predictionRight).toBe(false);
    expect(wrong.feedback).toMatch(
      /^Not as you predicted: you said request 5, and it was request 6/,
    );
    expect(check('bursts', { traces, prediction: 6 }).predictionRight).toBe(true);
  });

  it('is not done after only 5 requests, nor without a prediction', () => {
    const { send, now } = playground();
    const five = send(burst(mobile('/api/users'), 5, now()));
    expect(check('bursts', { traces: five, prediction: 6 }).done).toBe(false);
    const six = send(burst(mobile('/api/users'), 1, now()));
    expect(check('bursts', { traces: six, prediction: null }).done).toBe(false);
  });
});

describe('experiment 2: no key', () => {
  it('is done when a keyless request is refused by auth alone', () => {
    const { send, now } = playground();
    const traces = send(burst(anonymous('/api/users'), 1, now()));
    expect(traces[0]?.decision.status).toBe(401);
    expect(check('no-key', { traces }).done).toBe(true);
  });

  it('is not done for requests that carry a key', () => {
    const { send, now } = playground();
    const traces = send(burst(mobile('/api/users'), 2, now()));
    expect(check('no-key', { traces }).done).toBe(false);
  });
});

describe('experiment 3: new route', () => {
  it('is done once /api/payments is routed and a request reaches payment-service', () => {
    const { gateway, send, now } = playground();
    const before = send(burst(mobile('/api/payments'), 1, now()));
    expect(before[0]?.decision.status).toBe(404);
    expect(check('new-route', { traces: before }).done).toBe(false);
    gateway.addRoute({
      path: '/api/payments',
      serviceUrl: 'http://payment-service:3003',
      match: 'exact',
    });
    const after = send(burst(mobile('/api/payments'), 1, now()));
    expect(check('new-route', { traces: after }).done).toBe(true);
  });

  it('says what is wrong when the route points at the wrong service', () => {
    const { gateway, send, now } = playground();
    gateway.addRoute({
      path: '/api/payments',
      serviceUrl: 'http://order-service:3002',
      match: 'exact',
    });
    const traces = send(burst(mobile('/api/payments'), 1, now()));
    const result = check('new-route', { traces });
    expect(result.done).toBe(false);
    expect(result.started).toBe(true);
    expect(result.feedback).toContain('from order-service, not from payment-service');
    expect(result.feedback).toContain('points at the wrong service');
  });

  it('says what to do for a 404 and for a keyless request', () => {
    const { send, now } = playground();
    const lost = send(burst(mobile('/api/payments'), 1, now()));
    expect(check('new-route', { traces: lost }).feedback).toContain('no route matches');
    const keyless = send(burst(anonymous('/api/payments'), 1, now()));
    expect(check('new-route', { traces: keyless }).feedback).toContain('registered key');
  });
});

describe('experiment 4: path prefixes', () => {
  const paths = ['/api/users/123', '/api/orders/9'];

  function runWithLookup(source: string) {
    const { gateway, send, now } = playground();
    const produced = new WeakSet<Route>();
    const traffic = paths.map((path) => burst(mobile(path), 1, now())).flat();
    const answers = runLookupLocally(source, INITIAL_ROUTES, unansweredPaths(traffic, new Map()));
    gateway.useRouteLookup(learnerRouteLookup(answers, INITIAL_ROUTES, produced));
    const traces = send(traffic);
    return check('path-prefixes', {
      traces,
      learnerLookupProblem: (route) => (produced.has(route) ? null : undefined),
    });
  }

  it('is done when the learner’s prefix lookup routes both paths', () => {
    expect(runWithLookup(PREFIX_LOOKUP_SOLUTION).done).toBe(true);
  });

  it('is not done, and says why, while the lookup has no "/" boundary', () => {
    const naive = `function findRoute(path, routes) {
      for (const key of Object.keys(routes)) if (path.startsWith(key)) return routes[key];
      return null;
    }`;
    const answers = runLookupLocally(naive, INITIAL_ROUTES, probePaths(INITIAL_ROUTES));
    const problem = boundaryMistake(INITIAL_ROUTES, answers);
    expect(problem).toContain('/api/usersX');
    const { gateway, send, now } = playground();
    const produced = new WeakSet<Route>();
    const traffic = paths.map((path) => burst(mobile(path), 1, now())).flat();
    const served = runLookupLocally(naive, INITIAL_ROUTES, unansweredPaths(traffic, new Map()));
    gateway.useRouteLookup(learnerRouteLookup(served, INITIAL_ROUTES, produced));
    const traces = send(traffic);
    const result = check('path-prefixes', {
      traces,
      learnerLookupProblem: (route) => (produced.has(route) ? problem : undefined),
    });
    expect(result.done).toBe(false);
    expect(result.feedback).toContain('/api/usersX');
  });

  it('is not done with the exact lookup of the lesson', () => {
    expect(runWithLookup(EXACT_LOOKUP).done).toBe(false);
  });

  it('is not done when the built-in lookup (not the learner’s) routes them', () => {
    const { gateway, send, now } = playground();
    gateway.removeRoute('/api/users');
    gateway.removeRoute('/api/orders');
    gateway.addRoute({
      path: '/api/users',
      serviceUrl: 'http://user-service:3001',
      match: 'prefix',
    });
    gateway.addRoute({
      path: '/api/orders',
      serviceUrl: 'http://order-service:3002',
      match: 'prefix',
    });
    const traces = send(paths.map((path) => burst(mobile(path), 1, now())).flat());
    expect(traces.every((trace) => trace.decision.status === 200)).toBe(true);
    expect(check('path-prefixes', { traces }).done).toBe(false);
  });
});

describe('experiment content', () => {
  it('gives every experiment a unique id, a goal and tiered hints', () => {
    const ids = EXPERIMENTS.map((experiment) => experiment.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const experiment of EXPERIMENTS) {
      expect(experiment.goal.length).toBeGreaterThan(20);
      expect(experiment.hints.length).toBeGreaterThanOrEqual(2);
    }
  });
});

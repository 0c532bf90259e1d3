import type { RequestTrace, Route } from '../engine';
import type { TermId } from './glossary';
import {
  checkBursts,
  checkNewRoute,
  checkNoKey,
  checkPathPrefixes,
  EXACT_LOOKUP,
  PREFIX_LOOKUP_SOLUTION,
} from './experimentChecks';
import { checkProfileCompare } from './profileExperiment';
import type { PlaygroundAction, PlaygroundScenario } from './playgroundScript';
import {
  checkReplicas,
  replicaAnswer,
  SCALE_OUT_ID,
  type ReplicaPrediction,
} from './scaleExperiment';
import { CACHE_PATH, checkCache, checkResilience } from './pipelineChecks';
import { PIPELINE_DEFAULTS, PIPELINE_OFF } from '../store/pipeline';
import { INITIAL_ROUTES, INITIAL_SETTINGS, SERVICES } from './services';

export { EXACT_LOOKUP, PREFIX_LOOKUP_SOLUTION };

/** Experiments are data: a new one is a new entry in EXPERIMENTS, nothing else. */
export type ExperimentId = string;

/**
 * The controls an experiment may show besides the playground, by name. The page keeps one
 * registry of components under these names (components/exercises/experimentControls.tsx).
 */
export type ExperimentControlName =
  'burst-prediction' | 'route-editor' | 'route-lookup' | 'replica-prediction' | 'profile-compare';

/** Lesson prose as data: plain text, code, and words that link to the glossary. */
export type RichText = readonly (
  string | { readonly code: string } | { readonly term: TermId; readonly text: string }
)[];

/** What a check sees: the traces since the experiment (re)started, and the learner's inputs. */
export interface ExperimentContext {
  readonly traces: readonly RequestTrace[];
  /** Experiment 1: the request number the learner expects to be refused first. */
  readonly prediction: number | null;
  /** The profile experiment: how many of the 10 keyed requests the learner expects Kong to pass. */
  readonly profilePrediction?: number | null;
  /**
   * Experiment 4: for a route the learner's own lookup produced, what the probe found wrong with
   * that lookup (null: nothing); undefined for a route the built-in lookup chose.
   */
  readonly learnerLookupProblem: (route: Route) => string | null | undefined;
  /** The scale-out experiment: the learner's two numbers (absent where nothing asks for them). */
  readonly replicaPrediction?: ReplicaPrediction | null;
}

/** A check's verdict: done, or how far along, with a sentence built from the log. */
export interface CheckResult {
  readonly done: boolean;
  /** The learner has done something that counts towards the goal. */
  readonly started: boolean;
  readonly feedback: string;
  /** For an experiment that asks for a prediction: was it right? Absent otherwise. */
  readonly predictionRight?: boolean;
}

export interface Experiment {
  readonly id: ExperimentId;
  readonly title: string;
  readonly goal: string;
  /** Shown under the goal, before the controls. */
  readonly intro?: RichText;
  /** A control of the registry shown in the card, by name. */
  readonly control?: ExperimentControlName;
  /** Revealed one at a time, vaguest first. */
  readonly hints: readonly string[];
  readonly check: (context: ExperimentContext) => CheckResult;
  /** "Set up this scenario": the playground as the experiment starts. */
  readonly scenario: PlaygroundScenario;
  /** "Show me": the reference solution, played on the playground after the scenario. */
  readonly solution: readonly PlaygroundAction[];
}

/** The lesson's playground with an empty log: where most experiments start. */
const LESSON_START: PlaygroundScenario = {
  settings: INITIAL_SETTINGS,
  routes: INITIAL_ROUTES,
  freshLog: true,
};

const PAYMENT_SERVICE_URL = SERVICES.find((service) => service.id === 'payment-service')?.url ?? '';

const LESSON_EXPERIMENTS: readonly Experiment[] = [
  {
    id: 'bursts',
    title: 'Bursts',
    goal: 'Predict on which request rate limiting starts, then send 6 requests with the same API key and compare.',
    intro: [
      'The limiter counts requests per ',
      { term: 'api-key', text: 'API key' },
      '. If you already sent some, set up the scenario first so the window starts empty.',
    ],
    control: 'burst-prediction',
    hints: [
      'The limiter counts requests per API key inside its window.',
      'Look at the “Max requests” setting: that many requests pass.',
      'Pick the Mobile app client and send a burst of 6 requests to /api/users.',
    ],
    check: checkBursts,
    scenario: LESSON_START,
    solution: [
      { kind: 'predict', requestNumber: INITIAL_SETTINGS.maxRequests + 1 },
      { kind: 'send', clientId: 'mobile', path: '/api/users', count: 6 },
    ],
  },
  {
    id: 'no-key',
    title: 'No key',
    goal: 'Send a request without an API key and see that it is refused before rate limiting.',
    hints: [
      'One of the clients sends no key at all.',
      'Choose the Anonymous script client and send one request.',
      'Open the request in the log: which stages did it pass through?',
    ],
    check: checkNoKey,
    scenario: LESSON_START,
    solution: [{ kind: 'send', clientId: 'script', path: '/api/users', count: 1 }],
  },
  {
    id: 'new-route',
    title: 'New route',
    goal: 'Add a route /api/payments → payment service, then send a request to it and see it forwarded.',
    control: 'route-editor',
    hints: [
      'Use the route editor below: a path and a service.',
      'The path must start with “/”, like /api/payments.',
      'Then send a request to /api/payments with a client that has a key.',
    ],
    check: checkNewRoute,
    scenario: LESSON_START,
    solution: [
      {
        kind: 'add-route',
        route: { path: '/api/payments', serviceUrl: PAYMENT_SERVICE_URL, match: 'exact' },
      },
      { kind: 'send', clientId: 'mobile', path: '/api/payments', count: 1 },
    ],
  },
  {
    id: 'path-prefixes',
    title: 'Prefix matching',
    goal: 'Change the route lookup so /api/users/123 reaches the user service and /api/orders/9 the order service, then send both.',
    intro: [
      'The playground’s routes start as exact matches, like the lesson’s lookup table: the gateway looks a path up as it is, so ',
      { code: '/api/users/123' },
      ' finds nothing (',
      { term: 'status-404', text: '404' },
      '). Rewrite ',
      { code: 'findRoute' },
      ' so a route also serves the paths below it (a ',
      { term: 'prefix-match', text: 'prefix match' },
      '), then press Apply and send requests to ',
      { code: '/api/users/123' },
      ' and ',
      { code: '/api/orders/9' },
      '. ',
      { code: 'routes' },
      ' is a plain object such as ',
      { code: '{ "/api/users": "http://user-service:3001" }' },
      '; return the service URL, or ',
      { code: 'null' },
      '.',
    ],
    control: 'route-lookup',
    hints: [
      'Right now the lookup only finds a route whose path is exactly the request path.',
      'Look for a route key that the request path starts with, followed by “/”.',
      'Loop over Object.keys(routes) and return routes[key] when path === key or path.startsWith(key + "/").',
    ],
    check: checkPathPrefixes,
    scenario: LESSON_START,
    solution: [
      { kind: 'use-lookup', source: PREFIX_LOOKUP_SOLUTION },
      { kind: 'send', clientId: 'mobile', path: '/api/users/123', count: 1 },
      { kind: 'send', clientId: 'mobile', path: '/api/orders/9', count: 1 },
    ],
  },
  // Gateways at scale (issue 12): answered by the engine's replica model, not the playground.
  {
    id: SCALE_OUT_ID,
    title: 'Three replicas, one limit',
    goal: 'Predict how many of 20 requests pass with 3 gateway replicas counting locally, then with a shared store.',
    intro: [
      'Real gateways run as several replicas. The ',
      { term: 'rate-limiting', text: 'rate limiter' },
      ' of each one counts only the requests it sees, unless the replicas share a store. The Algorithm lab section draws the replicas; try it after predicting.',
    ],
    control: 'replica-prediction',
    hints: [
      'The load balancer takes turns: each replica gets every third request.',
      'With local counters, each replica lets the limit through on its own.',
      'A shared store keeps one count, so the replicas together let the limit through once.',
    ],
    check: checkReplicas,
    scenario: LESSON_START,
    solution: [
      {
        kind: 'predict-replicas',
        // Getters: the engine answers when "Show me" plays, not while the page loads.
        get local() {
          return replicaAnswer().local.admitted;
        },
        get shared() {
          return replicaAnswer().shared.admitted;
        },
      },
    ],
  },
  {
    id: 'lesson-vs-kong',
    title: 'The lesson or Kong?',
    goal: 'Predict how many of 10 requests sent across a minute boundary Kong lets through, then send the same traffic under the lesson’s rules and under Kong’s and compare.',
    intro: [
      'The traffic: 5 requests with the mobile app’s key in the last 2 seconds of a minute, 5 in the first second of the next, and one request ',
      { term: 'api-key', text: 'without a key' },
      ' to ',
      { code: '/no-such-path' },
      '. The clock skips ahead to just before the minute. Kong limits with a ',
      { term: 'fixed-window', text: 'fixed window' },
      ' and routes before it checks keys.',
    ],
    control: 'profile-compare',
    hints: [
      'The lesson’s sliding window remembers the last 60 s, whatever the clock says.',
      'Kong’s window is the calendar minute: its count starts again at :00.',
      'Kong lets all 10 through; the lesson refuses the 5 after the minute. Without a key, the lesson says 401 and Kong 404.',
    ],
    check: checkProfileCompare,
    scenario: LESSON_START,
    solution: [
      { kind: 'predict-passes', count: 10 },
      { kind: 'use-profile', profile: 'lesson' },
      { kind: 'send-across-minute' },
      { kind: 'use-profile', profile: 'kong' },
      { kind: 'send-across-minute' },
    ],
  },
];

const USER_SERVICE = 'user-service';

/** Experiment 6's scenario: room in the limit for every request it takes. */
const RESILIENCE_SETTINGS = { ...INITIAL_SETTINGS, maxRequests: 100 };

/** Experiments on the gateway's other jobs: they start with the Pipeline panel's stages on. */
export const PIPELINE_EXPERIMENTS: readonly Experiment[] = [
  {
    id: 'cache',
    title: 'Cache',
    goal: `Send a GET to ${CACHE_PATH} twice (the second once the first is back), then a POST, and see which ones reach the user service.`,
    intro: [
      'The scenario turns the ',
      { term: 'cache', text: 'response cache' },
      ' on with a ',
      { term: 'ttl', text: 'TTL' },
      ' of 30 s. It stands after the rate limit, as Kong orders its plugins. Watch the ',
      { code: 'X-Cache-Status' },
      ' header and the quota in the log.',
    ],
    hints: [
      'The first GET finds nothing stored: a Miss goes on to the service, and its answer is kept.',
      'Send the second GET after the first packet is back at its client: the log says Hit, and the packet turns round at the Cache stage.',
      'Pick POST in “Method” and send one: only GET and HEAD are cached, so it reaches the service (Bypass).',
    ],
    check: checkCache,
    scenario: { ...LESSON_START, pipeline: { ...PIPELINE_OFF, cache: PIPELINE_DEFAULTS.cache } },
    solution: [
      { kind: 'send', clientId: 'mobile', path: CACHE_PATH, count: 1 },
      { kind: 'settle' },
      { kind: 'send', clientId: 'mobile', path: CACHE_PATH, count: 1 },
      { kind: 'settle' },
      { kind: 'send', clientId: 'mobile', path: CACHE_PATH, count: 1, method: 'POST' },
    ],
  },
  {
    id: 'resilience',
    title: 'Resilience',
    goal: 'Take one of three user-service instances down and watch it fail, get ejected and the traffic move to the other two; then take all three down and see the gateway answer 503 at once.',
    intro: [
      'The scenario runs three ',
      { term: 'instance', text: 'instances' },
      ' of each service behind a ',
      { term: 'load-balancer', text: 'load balancer' },
      ' with passive ',
      { term: 'health-check', text: 'health checks' },
      ': after 3 failures in a row an instance is ejected for 10 s. The buttons on each service node take an instance down or up.',
    ],
    hints: [
      'Press “2 ✓ up” on the user service to take instance 2 down, then send 9 requests to /api/users.',
      'Round robin sends every third request to instance 2: those fail with 502. Once three failures are back, send again: instance 2 gets nothing.',
      'Take instances 1 and 3 down as well and send twice: once all three are ejected the circuit is open and the gateway answers 503 itself.',
    ],
    check: checkResilience,
    scenario: {
      settings: RESILIENCE_SETTINGS,
      routes: INITIAL_ROUTES,
      freshLog: true,
      pipeline: { ...PIPELINE_OFF, balancer: PIPELINE_DEFAULTS.balancer, instances: 3 },
    },
    solution: [
      { kind: 'instance', service: USER_SERVICE, index: 1, down: true },
      { kind: 'send', clientId: 'mobile', path: '/api/users', count: 9 },
      { kind: 'settle' },
      { kind: 'send', clientId: 'mobile', path: '/api/users', count: 4 },
      { kind: 'settle' },
      { kind: 'instance', service: USER_SERVICE, index: 0, down: true },
      { kind: 'instance', service: USER_SERVICE, index: 2, down: true },
      { kind: 'send', clientId: 'mobile', path: '/api/users', count: 6 },
      { kind: 'settle' },
      { kind: 'send', clientId: 'mobile', path: '/api/users', count: 1 },
    ],
  },
];

export const EXPERIMENTS: readonly Experiment[] = [...LESSON_EXPERIMENTS, ...PIPELINE_EXPERIMENTS];

/** The experiment with this id, or undefined. */
export function experimentById(id: string): Experiment | undefined {
  return EXPERIMENTS.find((experiment) => experiment.id === id);
}

import type { StageName } from '../engine';

/** The request a tour step follows; each is sent for real the first time a step needs it. */
export type TourScenario = 'lesson' | 'no-key' | 'rate-limited' | 'unknown-path';

/** The moment of that request's trip the clock stops at. */
export type TourMoment = 'sent' | StageName | 'served' | 'responded';

/** What the step points at on the graph. */
export type TourTarget =
  | { readonly kind: 'client'; readonly clientId: string }
  | { readonly kind: 'stage'; readonly stage: StageName }
  | { readonly kind: 'service'; readonly serviceId: string };

export interface TourStep {
  readonly id: string;
  readonly title: string;
  /** Plain text; `[[term-id|words]]` links the words to the glossary. */
  readonly body: string;
  readonly scenario: TourScenario;
  readonly moment: TourMoment;
  readonly target: TourTarget;
}

/** What each scenario sends: client, key, path and how many (the last one is followed). */
export interface TourTraffic {
  readonly clientId: string;
  readonly apiKey: string | null;
  readonly path: string;
  /** 'fill' sends enough to use up the client's quota, plus one. */
  readonly count: number | 'fill';
}

export const TOUR_TRAFFIC: Readonly<Record<TourScenario, TourTraffic>> = {
  lesson: { clientId: 'mobile', apiKey: 'abc123', path: '/api/users', count: 1 },
  'no-key': { clientId: 'script', apiKey: null, path: '/api/users', count: 1 },
  'rate-limited': { clientId: 'mobile', apiKey: 'abc123', path: '/api/users', count: 'fill' },
  'unknown-path': { clientId: 'web', apiKey: 'web456', path: '/api/unknown', count: 1 },
};

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'send',
    title: 'A client sends a request',
    body: 'The mobile app asks for /api/users and puts its [[api-key|API key]], abc123, in the request. It only knows one address: the [[gateway|gateway’s]]. It never learns where the user service lives.',
    scenario: 'lesson',
    moment: 'sent',
    target: { kind: 'client', clientId: 'mobile' },
  },
  {
    id: 'auth',
    title: 'First check: authentication',
    body: 'The first check is [[authentication|who is calling]]. The gateway looks for an API key and, here, checks that it is one it issued. abc123 is registered, so the request may go on.',
    scenario: 'lesson',
    moment: 'auth',
    target: { kind: 'stage', stage: 'auth' },
  },
  {
    id: 'rate-limit',
    title: 'Second check: rate limiting',
    body: 'Next, how often is this key calling? The [[rate-limiting|rate limiter]] counts the requests abc123 made in the last 60 seconds (a [[sliding-window|sliding window]]). Fewer than 5, so this one is allowed and recorded: the quota on the client has just dropped by one.',
    scenario: 'lesson',
    moment: 'rate-limit',
    target: { kind: 'stage', stage: 'rate-limit' },
  },
  {
    id: 'router',
    title: 'Third check: routing',
    body: 'Only now does the gateway look at the path. Its [[route|route]] table says /api/users belongs to the user service at user-service:3001, so that is where the request is forwarded.',
    scenario: 'lesson',
    moment: 'router',
    target: { kind: 'stage', stage: 'router' },
  },
  {
    id: 'service',
    title: 'The service does the work',
    body: 'The user service, a [[backend-service|backend service]], receives a request that is already authenticated and within its limits. It does not check keys or count calls itself: the gateway did that once for every service.',
    scenario: 'lesson',
    moment: 'served',
    target: { kind: 'service', serviceId: 'user-service' },
  },
  {
    id: 'response',
    title: 'The response comes back through the gateway',
    body: 'The answer, 200 OK, returns to the mobile app through the gateway, which adds RateLimit headers telling the client how much quota is left. They are listed below, and under “Headers” on this request’s row in the log.',
    scenario: 'lesson',
    moment: 'responded',
    target: { kind: 'client', clientId: 'mobile' },
  },
  {
    id: 'no-key',
    title: 'Refused at the door: 401',
    body: 'The anonymous script sends no API key. Auth refuses it with [[status-401|401 Unauthorized]] straight away. Because auth runs first, the rate limiter never sees it and no quota is used.',
    scenario: 'no-key',
    moment: 'auth',
    target: { kind: 'stage', stage: 'auth' },
  },
  {
    id: 'rate-limited',
    title: 'Too many: 429',
    body: 'The mobile app now sends enough requests to use up its quota, plus one. That last one passes auth but the limiter finds the window full and answers [[status-429|429 Too Many Requests]] with a [[retry-after|Retry-After]] header. Its quota comes back as old requests slide out of the window.',
    scenario: 'rate-limited',
    moment: 'rate-limit',
    target: { kind: 'stage', stage: 'rate-limit' },
  },
  {
    id: 'unknown-path',
    title: 'Nowhere to go: 404',
    body: 'The web shop asks for /api/unknown. Its key is registered and it has quota left, but no route matches the path, so the router answers [[status-404|404 Not Found]]. It still used one unit of the web shop’s quota, because the limiter runs before the router. (The mobile app would have got 429 here: its quota is used up.)',
    scenario: 'unknown-path',
    moment: 'router',
    target: { kind: 'stage', stage: 'router' },
  },
];

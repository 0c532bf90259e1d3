/** A choice in a quiz question. */
export interface QuizOption {
  readonly id: string;
  readonly text: string;
}

/** A question with its right answer(s) and the explanation shown after answering. */
export interface QuizQuestion {
  readonly id: string;
  /** single: one radio choice; multiple: check every right box. */
  readonly kind: 'single' | 'multiple';
  readonly prompt: string;
  readonly options: readonly QuizOption[];
  readonly correct: readonly string[];
  readonly explanation: string;
}

/** Is `choice` exactly the right set of options? */
export function isCorrect(question: QuizQuestion, choice: readonly string[]): boolean {
  const chosen = new Set(choice);
  return chosen.size === question.correct.length && question.correct.every((id) => chosen.has(id));
}

export const FIXED_QUESTIONS: readonly QuizQuestion[] = [
  {
    id: 'order-of-checks',
    kind: 'single',
    prompt: 'In what order does the lesson’s gateway handle a request?',
    options: [
      { id: 'auth-limit-route', text: 'Authenticate, then rate-limit, then route' },
      { id: 'route-auth-limit', text: 'Route, then authenticate, then rate-limit' },
      { id: 'limit-auth-route', text: 'Rate-limit, then authenticate, then route' },
    ],
    correct: ['auth-limit-route'],
    explanation:
      'It must know who is calling before it can count that caller’s requests, and it only looks for a service once the request is allowed in.',
  },
  {
    id: 'no-key-unknown-path',
    kind: 'single',
    prompt:
      'A request with no API key asks for /api/nowhere, a path no route covers. What does the lesson’s gateway answer?',
    options: [
      { id: '401', text: '401 Unauthorized' },
      { id: '404', text: '404 Not Found' },
      { id: '429', text: '429 Too Many Requests' },
    ],
    correct: ['401'],
    explanation:
      'Authentication runs first, so the missing key ends the trip before the router ever looks at the path.',
  },
  {
    id: 'unknown-path-quota',
    kind: 'single',
    prompt:
      'A client with a valid key sends a request to a path no route covers. Does that request use up part of its quota?',
    options: [
      { id: 'yes', text: 'Yes: the limiter counted it before the router answered 404' },
      { id: 'no', text: 'No: a 404 never counts' },
    ],
    correct: ['yes'],
    explanation:
      'Rate limiting comes before routing, so the request is counted and then refused with 404.',
  },
  {
    id: 'status-meanings',
    kind: 'multiple',
    prompt: 'Which pairs are right? Tick every correct one.',
    options: [
      { id: '401-who', text: '401: the gateway does not know who you are' },
      { id: '429-slow', text: '429: you are known but sending too fast' },
      { id: '404-route', text: '404: no route covers the requested URL' },
      { id: '429-key', text: '429: the API key is wrong' },
    ],
    correct: ['401-who', '429-slow', '404-route'],
    explanation:
      'A wrong or missing key is an authentication problem (401); 429 is only about how often a known client calls.',
  },
  {
    id: 'window-boundary',
    kind: 'single',
    prompt:
      'The limit is 5 per minute. A client sends 5 requests at 0:59 and 5 more at 1:01. With a fixed window (per clock minute), how many pass? With a sliding window?',
    options: [
      { id: '10-5', text: 'Fixed: 10; sliding: 5' },
      { id: '5-5', text: 'Fixed: 5; sliding: 5' },
      { id: '5-10', text: 'Fixed: 5; sliding: 10' },
    ],
    correct: ['10-5'],
    explanation:
      'At 1:01 the fixed window has started a new minute at zero, so 5 more pass; the sliding window still sees the 5 from two seconds ago and refuses.',
  },
  {
    id: 'retry-after',
    kind: 'single',
    prompt: 'What does the Retry-After header on a 429 tell the client?',
    options: [
      { id: 'seconds', text: 'How many seconds to wait before trying again' },
      { id: 'count', text: 'How many requests it has left' },
      { id: 'never', text: 'That it must never retry' },
    ],
    correct: ['seconds'],
    explanation:
      'It is a wait time. A polite client sleeps that long instead of retrying at once and getting refused again.',
  },
  {
    id: 'prefix-match',
    kind: 'multiple',
    prompt:
      'A prefix route /api/users (matching whole path segments) points to the user service. Which request paths reach it?',
    options: [
      { id: 'exact', text: '/api/users' },
      { id: 'child', text: '/api/users/123' },
      { id: 'query', text: '/api/users?page=2' },
      { id: 'longer-word', text: '/api/usersX' },
      { id: 'other', text: '/api/orders/1' },
    ],
    correct: ['exact', 'child', 'query'],
    explanation:
      'The query string is not part of the path, and a segment-aware prefix needs a “/” after /api/users, so /api/usersX does not match. (Plain string prefixes, as in Kong or nginx, would match it.)',
  },
  {
    id: 'cross-cutting',
    kind: 'multiple',
    prompt: 'Which jobs belong in the gateway rather than in each service?',
    options: [
      { id: 'logging', text: 'Logging every request' },
      { id: 'caching', text: 'Caching responses to repeated reads' },
      { id: 'auth', text: 'Checking API keys' },
      { id: 'totals', text: 'Computing an order’s total price' },
    ],
    correct: ['logging', 'caching', 'auth'],
    explanation:
      'Logging, caching and key checks are the same for every service, so they live at the door. Pricing is business logic: it stays in the order service.',
  },
  {
    id: 'kong-order',
    kind: 'single',
    prompt: 'In Kong, a request without a key asks for a path no route covers. What comes back?',
    options: [
      { id: '404', text: '404: Kong’s router runs before its auth plugin' },
      { id: '401', text: '401: auth always runs first' },
      { id: '403', text: '403 Forbidden' },
    ],
    correct: ['404'],
    explanation:
      'Kong picks the route first and only then runs plugins such as key-auth, so with no route there is nothing to authenticate for.',
  },
  {
    id: 'nginx-status',
    kind: 'single',
    prompt:
      'nginx’s limit_req refuses a request that is over the limit. Which status does it send unless configured otherwise?',
    options: [
      { id: '503', text: '503 Service Unavailable' },
      { id: '429', text: '429 Too Many Requests' },
      { id: '403', text: '403 Forbidden' },
    ],
    correct: ['503'],
    explanation: 'Its default is 503; the limit_req_status setting can change it to 429.',
  },
  {
    id: 'aws-missing-key',
    kind: 'single',
    prompt:
      'AWS API Gateway (REST) receives a request without the required x-api-key. What does it answer?',
    options: [
      { id: '403', text: '403 Forbidden' },
      { id: '401', text: '401 Unauthorized' },
      { id: '429', text: '429 Too Many Requests' },
    ],
    correct: ['403'],
    explanation:
      'AWS answers a missing or invalid key with 403, and even an unknown path with 403 “Missing Authentication Token”.',
  },
];

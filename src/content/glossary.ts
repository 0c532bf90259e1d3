/** One glossary entry: an id used in `#term-<id>` links, the words, and a plain definition. */
export interface GlossaryTerm {
  readonly id: TermId;
  readonly term: string;
  readonly definition: string;
  /** Other spellings a learner might search for. */
  readonly aliases?: readonly string[];
}

/** Every term the page (and the playground's tour) may link to with `<Term id=…>`. */
export const TERM_IDS = [
  'gateway',
  'route',
  'backend-service',
  'authentication',
  'api-key',
  'rate-limiting',
  'sliding-window',
  'fixed-window',
  'token-bucket',
  'leaky-bucket',
  'status-401',
  'status-404',
  'status-429',
  'retry-after',
  'reverse-proxy',
  'prefix-match',
  'microservices',
  'single-entry-point',
  'cache',
  'ttl',
  'correlation-id',
  'access-log',
  'load-balancer',
  'instance',
  'health-check',
  'circuit-breaker',
  'path-normalisation',
  'path-traversal',
] as const;

export type TermId = (typeof TERM_IDS)[number];

export function isTermId(id: string): id is TermId {
  return (TERM_IDS as readonly string[]).includes(id);
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'gateway',
    term: 'API gateway',
    definition:
      'One server that stands in front of many backend services. Every client request arrives here first; the gateway checks it, limits it and passes it on to the right service.',
  },
  {
    id: 'single-entry-point',
    term: 'Single entry point',
    definition:
      'Clients know one address, the gateway’s, instead of one address per service. Services can move or split without clients noticing.',
  },
  {
    id: 'microservices',
    term: 'Microservices',
    definition:
      'An application built as several small services (users, orders, payments…), each deployed on its own. Without a gateway, every client must know and call each of them.',
  },
  {
    id: 'backend-service',
    term: 'Backend service',
    aliases: ['upstream', 'service'],
    definition:
      'A server behind the gateway that does the real work for one part of the API, for example the user service answering /api/users.',
  },
  {
    id: 'route',
    term: 'Route',
    aliases: ['routing table'],
    definition:
      'A rule saying which backend service handles a path, such as /api/orders → order service. The gateway’s routing table is the list of these rules.',
  },
  {
    id: 'prefix-match',
    term: 'Prefix match',
    aliases: ['exact match'],
    definition:
      'A route that covers a path and everything under it, up to a “/”: a prefix route /api/users also serves /api/users/123, but not /api/usersX. An exact match only serves the path itself. The playground’s routes start as exact matches (so /api/users/123 is a 404 there); Experiment 4 adds prefix matching.',
  },
  {
    id: 'authentication',
    term: 'Authentication',
    aliases: ['auth'],
    definition:
      'Finding out who sent a request. The gateway does it first, so requests from unknown callers never reach the limiter or a service.',
  },
  {
    id: 'api-key',
    term: 'API key',
    aliases: ['x-api-key', 'key'],
    definition:
      'A secret string a client sends with each request (here in an x-api-key header) so the gateway can tell who is calling and count their requests.',
  },
  {
    id: 'rate-limiting',
    term: 'Rate limiting',
    aliases: ['throttling', 'quota'],
    definition:
      'Allowing each client only so many requests in a stretch of time, so one busy or buggy client cannot swamp the services for everyone else.',
  },
  {
    id: 'sliding-window',
    term: 'Sliding window',
    aliases: ['sliding window log'],
    definition:
      'A rate-limiting method that remembers when each recent request arrived and counts those in the last N seconds, measured back from now. The window moves with time.',
  },
  {
    id: 'fixed-window',
    term: 'Fixed window',
    definition:
      'A rate-limiting method that counts requests per clock-aligned slot (e.g. each whole minute) and starts from zero when a new slot begins. Cheap, but a client can send a double burst around a boundary.',
  },
  {
    id: 'token-bucket',
    term: 'Token bucket',
    definition:
      'A rate-limiting method where each client has a bucket of tokens that refills at a steady rate; a request spends one token, and an empty bucket means a refusal (a refused request spends none). It has two numbers: the bucket size, which is the largest burst (Envoy max_tokens, AWS burst), and the refill rate (Envoy tokens_per_fill per fill_interval, AWS rate). The lesson’s algorithm picker uses one number for both, a simplification; the Envoy and AWS profiles keep them apart.',
  },
  {
    id: 'leaky-bucket',
    term: 'Leaky bucket',
    definition:
      'A rate-limiting method that meters requests at a steady rate, like water through a hole: each request adds to a level that drains at the rate, and one that would lift the level above the burst allowance is refused. nginx’s limit_req works this way. With nodelay (the playground’s default) the requests within the burst pass at once; without it nginx holds each one until its turn, which changes when it is answered, not whether.',
  },
  {
    id: 'status-401',
    term: '401 Unauthorized',
    aliases: ['401'],
    definition:
      'The answer when the request has no key or a key the gateway does not know. It really means “unauthenticated”: we do not know who you are.',
  },
  {
    id: 'status-404',
    term: '404 Not Found',
    aliases: ['404'],
    definition:
      'The answer when no route matches the path, so the gateway has no service to forward the request to.',
  },
  {
    id: 'status-429',
    term: '429 Too Many Requests',
    aliases: ['429'],
    definition:
      'The answer when a known client has used up its quota for now. It tells the client to slow down, not that it did anything invalid.',
  },
  {
    id: 'retry-after',
    term: 'Retry-After',
    aliases: ['retry after header'],
    definition:
      'A response header sent with a 429 that says how many seconds to wait before trying again, so well-behaved clients back off instead of hammering.',
  },
  {
    id: 'reverse-proxy',
    term: 'Reverse proxy',
    aliases: ['proxy'],
    definition:
      'A server that receives requests on behalf of other servers and forwards them. A gateway is a reverse proxy that also authenticates, limits and routes by API.',
  },
  {
    id: 'cache',
    term: 'Response cache',
    aliases: ['cache', 'hit', 'miss', 'X-Cache-Status'],
    definition:
      'The gateway keeps a copy of a service’s answer to a GET and gives it to the next identical request itself (a Hit) instead of asking the service again (a Miss). Requests that change data, such as POST, are never answered from it (Bypass).',
  },
  {
    id: 'ttl',
    term: 'Time to live (TTL)',
    aliases: ['TTL', 'expiry'],
    definition:
      'How long a stored answer may be served. Once it runs out the next request goes to the service again, so clients see changes after at most one TTL.',
  },
  {
    id: 'correlation-id',
    term: 'Correlation id',
    aliases: ['request id', 'X-Request-Id', 'trace id'],
    definition:
      'A unique id the gateway gives each request and passes to the service and back to the client, so one request can be followed through the logs of every system it touched.',
  },
  {
    id: 'access-log',
    term: 'Access log',
    aliases: ['log', 'NDJSON'],
    definition:
      'One structured line per request, written once its response is known: when, who, method, path, status, which stage decided, which instance answered and how long it took.',
  },
  {
    id: 'load-balancer',
    term: 'Load balancer',
    aliases: ['balancing', 'round robin', 'least connections'],
    definition:
      'The part of the gateway that spreads a service’s requests over its instances: in turn (round robin) or to the one with the fewest requests in progress (least connections).',
  },
  {
    id: 'instance',
    term: 'Instance',
    aliases: ['replica', 'upstream target'],
    definition:
      'One running copy of a service. Several instances of the same service answer the same requests, so one can fail or be restarted while the others carry on.',
  },
  {
    id: 'health-check',
    term: 'Health check',
    aliases: ['passive health check', 'outlier detection', 'ejection'],
    definition:
      'How the gateway decides an instance is unwell. A passive check watches real traffic: after a number of failures in a row the instance is ejected (sent nothing) for a cool-down.',
  },
  {
    id: 'circuit-breaker',
    term: 'Circuit breaker',
    aliases: ['circuit', 'half-open', '503'],
    definition:
      'When every instance of a service is ejected the circuit is open: the gateway answers 503 at once instead of making clients wait. After the cool-down one probe request is let through (half-open); its answer closes the circuit or opens it again.',
  },
  {
    id: 'path-normalisation',
    term: 'Path normalisation',
    aliases: ['normalization', 'canonical path'],
    definition:
      'Rewriting a request path to one plain form before any rule reads it: decoding %XX escapes, merging repeated slashes and resolving “.” and “..” segments.',
  },
  {
    id: 'path-traversal',
    term: 'Path traversal',
    aliases: ['dot dot', '../'],
    definition:
      'Using “..” in a path to reach something a rule did not mean to allow. A gateway that matches /api/users/../admin as text sees the user service’s prefix; the service may resolve it to /admin.',
  },
];

/** The entries whose words, aliases or definition contain `query` (case-insensitive). */
export function searchGlossary(query: string): readonly GlossaryTerm[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return GLOSSARY;
  return GLOSSARY.filter(
    (entry) =>
      entry.term.toLowerCase().includes(needle) ||
      entry.definition.toLowerCase().includes(needle) ||
      (entry.aliases ?? []).some((alias) => alias.toLowerCase().includes(needle)),
  );
}

export function glossaryEntry(id: TermId): GlossaryTerm {
  const entry = GLOSSARY.find((candidate) => candidate.id === id);
  if (entry === undefined) throw new Error(`glossary has no entry for "${id}"`);
  return entry;
}

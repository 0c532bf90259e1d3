/** A gateway people run in production, compared with the lesson's gateway. */
export interface RealGateway {
  readonly id: string;
  readonly name: string;
  readonly what: string;
  /** Which of the lesson's concerns (auth, rate limiting, routing, …) it takes care of. */
  readonly handles: readonly string[];
  /** Where it behaves differently from the gateway in this lesson. */
  readonly differences: readonly string[];
}

// Facts from /work/shared/GATEWAYS.md (the gateways' own docs and sources), in our words.
export const REAL_GATEWAYS: readonly RealGateway[] = [
  {
    id: 'aws',
    name: 'AWS API Gateway',
    what: 'A managed gateway in Amazon’s cloud, placed in front of serverless functions and containers.',
    handles: ['API keys', 'rate limiting (token bucket: a rate plus a burst)', 'routing'],
    differences: [
      'A missing or invalid x-api-key gets 403 Forbidden, not 401.',
      'In a REST API, a path with no route gets 403 “Missing Authentication Token” rather than 404; HTTP APIs answer 404 “Not Found”.',
      'Its limiter is a token bucket, so short bursts pass where a sliding window would refuse.',
    ],
  },
  {
    id: 'kong',
    name: 'Kong',
    what: 'An open-source gateway built on nginx, extended by plugins.',
    handles: [
      'key authentication (key-auth plugin)',
      'rate limiting (rate-limiting plugin)',
      'routing',
      'caching, logging, request ids and more as plugins',
    ],
    differences: [
      'The router runs first: an unknown path gets 404 even without a key. Then plugins run by priority, key-auth before rate-limiting before proxy-cache.',
      'A missing key gets 401 “No API key found in request”, an unknown one 401 “Unauthorized”.',
      'The basic rate-limiting plugin uses fixed windows on calendar boundaries and does not count refused requests; the advanced plugin uses a sliding window.',
      'Route paths are plain string prefixes, so /api/users also matches /api/usersX unless you write a regex; by default it strips the matched prefix before forwarding.',
    ],
  },
  {
    id: 'nginx-envoy',
    name: 'nginx and Envoy',
    what: 'Proxies often used as light gateways, for example at the edge of a Kubernetes cluster.',
    handles: ['TLS termination', 'load balancing', 'routing', 'rate limiting'],
    differences: [
      'nginx limit_req is a leaky bucket and refuses with 503 by default (limit_req_status changes it), not 429.',
      'In nginx, an “if … return 401” check runs before limit_req, but the auth modules run after it, which reverses the lesson’s order.',
      'Envoy’s local rate limit is a token bucket that starts full and does not count refused requests; its router is the last filter and answers an unknown path with 404.',
      'Envoy takes the first matching route in its list; nginx prefers an exact location, then the longest prefix.',
    ],
  },
  {
    id: 'stripe',
    name: 'Stripe',
    what: 'A payments API whose own gateway sits in front of its services.',
    handles: ['API keys', 'rate limiting'],
    differences: [
      'Several limiters work together: a token bucket for request rate, a limit on concurrent requests (both 429), and load shedders that answer 503 when the system is under strain.',
    ],
  },
  {
    id: 'apollo',
    name: 'Apollo Federation',
    what: 'A GraphQL gateway that joins several GraphQL services into one graph behind one endpoint.',
    handles: ['a single entry point', 'sending each part of a query to the service that owns it'],
    differences: [
      'Clients send queries to one URL instead of choosing a path per service, so routing depends on the fields asked for rather than on the path prefix.',
    ],
  },
];

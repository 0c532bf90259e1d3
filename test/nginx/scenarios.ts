// The configurations the agreement test runs: a hand-written nginx.conf (conf/NAME.conf), the
// model of the same config, and a trace of 50–200 requests that probes it.
import { createRandom } from '../../src/engine/random';
import type { TraceRequest } from './harness';
import type { LimitUse, ModelLocation, NginxConfigModel } from './model';

export interface Scenario {
  readonly name: string;
  readonly upstreams: readonly string[];
  readonly model: NginxConfigModel;
  readonly trace: readonly TraceRequest[];
}

const SECOND = 1000;
const MINUTE = 60_000;

export function at(atMs: number, target: string, apiKey?: string): TraceRequest {
  return apiKey === undefined ? { atMs, target } : { atMs, target, apiKey };
}

export function burst(
  atMs: number,
  count: number,
  target: string,
  apiKey?: string,
): TraceRequest[] {
  return Array.from({ length: count }, () => at(atMs, target, apiKey));
}

export function every(
  fromMs: number,
  stepMs: number,
  count: number,
  target: string,
  apiKey?: string,
): TraceRequest[] {
  return Array.from({ length: count }, (_, i) => at(fromMs + i * stepMs, target, apiKey));
}

/** `count` requests at seeded random times in [fromMs, toMs), each with a random pick. */
export function scattered<T>(
  seed: number,
  fromMs: number,
  toMs: number,
  count: number,
  picks: readonly T[],
  toRequest: (atMs: number, pick: T) => TraceRequest,
): TraceRequest[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const atMs = random.int(fromMs, toMs - 1);
    return toRequest(atMs, picks[random.int(0, picks.length - 1)] as T);
  }).sort((a, b) => a.atMs - b.atMs);
}

const CATCH_ALL: ModelLocation = { path: '/', exact: false, proxies: false, returns: 404 };

/** One proxied prefix location to user-service under one zone, plus the catch-all. */
function usersBehind(
  path: string,
  zone: NginxConfigModel['zones'][string],
  limit: Omit<LimitUse, 'zone'>,
  limitStatus: number,
): NginxConfigModel {
  return {
    zones: { per_client: zone },
    locations: [
      {
        path,
        exact: false,
        proxies: true,
        upstream: 'user-service',
        limit: { zone: 'per_client', ...limit },
      },
      CATCH_ALL,
    ],
    limitStatus,
  };
}

const USERS = ['user-service'] as const;

export const LIMIT_SCENARIOS: readonly Scenario[] = [
  {
    name: 'rs-burst-nodelay',
    upstreams: USERS,
    model: usersBehind(
      '/api/users/',
      { rate: 10, windowMs: SECOND, key: 'client' },
      { burst: 5, nodelay: true },
      429,
    ),
    trace: [
      ...burst(0, 8, '/api/users/1'),
      ...every(300, 50, 40, '/api/users/2'),
      ...burst(2_500, 6, '/api/users/3'),
      ...scattered(1, 3_000, 5_000, 40, ['/api/users/4', '/api/users/5?x=1', '/nope'], at),
    ],
  },
  {
    name: 'rs-no-burst',
    upstreams: USERS,
    model: usersBehind(
      '/api/users',
      { rate: 5, windowMs: SECOND, key: 'client' },
      { burst: 0, nodelay: false },
      503,
    ),
    trace: [
      ...every(0, 130, 30, '/api/users'),
      ...burst(4_500, 5, '/api/users/9'),
      ...scattered(2, 5_000, 8_000, 30, ['/api/users/1', '/api/usersX', '/other'], at),
      ...every(8_100, 210, 15, '/api/users/2'),
    ],
  },
  {
    name: 'rs-burst-delay',
    upstreams: USERS,
    model: usersBehind(
      '/api/users/',
      { rate: 10, windowMs: SECOND, key: 'client' },
      { burst: 5, nodelay: false },
      429,
    ),
    trace: [
      ...burst(0, 8, '/api/users/1'),
      ...every(700, 60, 40, '/api/users/2'),
      ...burst(4_000, 4, '/api/users/3'),
      ...scattered(3, 4_200, 6_000, 12, ['/api/users/4', '/nope'], at),
    ],
  },
  {
    name: 'rm-burst-nodelay',
    upstreams: USERS,
    model: usersBehind(
      '/api/users/',
      { rate: 5, windowMs: MINUTE, key: 'client' },
      { burst: 4, nodelay: true },
      503,
    ),
    trace: [
      ...burst(0, 6, '/api/users/1'),
      // 12.024 s and 12.040 s after the burst: refused (a slot is 12.048 s); 12.070 s passes.
      at(12_024, '/api/users/2'),
      at(12_040, '/api/users/2'),
      at(12_070, '/api/users/2'),
      at(24_100, '/api/users/3'), // 12.030 s after the last pass: refused
      at(24_140, '/api/users/3'), // 12.070 s: passes
      ...every(25_000, 400, 45, '/api/users/4'),
    ],
  },
  {
    name: 'rm-no-burst',
    upstreams: USERS,
    model: usersBehind(
      '/api/users/',
      { rate: 7, windowMs: MINUTE, key: 'client' },
      { burst: 0, nodelay: false },
      429,
    ),
    trace: [
      // 7r/m is stored as 116 thousandths per second: the next request passes 8.621 s after the
      // last pass, not 8.571 s. Each cycle probes 8.500 s and 8.600 s (both refused by nginx, the
      // second passed by a model with an exact 7r/m), then 8.660 s, which passes.
      ...Array.from({ length: 4 }, (_, i) => {
        const base = i * 8_660;
        return [
          at(base, '/api/users/1'),
          at(base + 8_500, '/api/users/2'),
          at(base + 8_600, '/api/users/3'),
        ];
      }).flat(),
      ...every(34_640, 150, 42, '/api/users/4'),
    ],
  },
  {
    name: 'rm-burst-delay',
    upstreams: USERS,
    model: usersBehind(
      '/api/users/',
      { rate: 30, windowMs: MINUTE, key: 'client' },
      { burst: 3, nodelay: false },
      503,
    ),
    trace: [...burst(0, 5, '/api/users/1'), ...every(1_000, 700, 45, '/api/users/2')],
  },
  {
    name: 'locations-and-limits',
    upstreams: ['order-service', 'user-service'],
    model: {
      zones: {
        per_client: { rate: 10, windowMs: SECOND, key: 'client' },
        orders_exact: { rate: 4, windowMs: SECOND, key: 'client' },
      },
      locations: [
        {
          path: '/api/orders',
          exact: true,
          proxies: true,
          upstream: 'order-service',
          limit: { zone: 'orders_exact', burst: 1, nodelay: true },
        },
        ...[
          { path: '/api/orders/', upstream: 'order-service' },
          { path: '/api/users', upstream: 'user-service' },
        ].map(({ path, upstream }) => ({
          path,
          exact: false,
          proxies: true,
          upstream,
          limit: { zone: 'per_client', burst: 3, nodelay: true },
        })),
        {
          path: '/health',
          exact: false,
          proxies: false,
          returns: 200,
          limit: { zone: 'per_client', burst: 3, nodelay: true },
        },
        { ...CATCH_ALL, limit: { zone: 'per_client', burst: 3, nodelay: true } },
      ],
      limitStatus: 429,
    },
    trace: [
      ...burst(0, 5, '/api/orders'),
      ...burst(0, 5, '/health'),
      ...scattered(
        4,
        200,
        5_000,
        140,
        [
          '/api/orders',
          '/api/orders?page=2',
          '/api/orders/7',
          '/api/users/1',
          '/api/usersX',
          '/health',
          '/nope',
        ],
        at,
      ),
    ],
  },
  {
    name: 'api-keys',
    upstreams: USERS,
    model: {
      zones: { per_key: { rate: 5, windowMs: SECOND, key: 'apiKey' } },
      locations: [
        {
          path: '/api/users/',
          exact: false,
          proxies: true,
          upstream: 'user-service',
          limit: { zone: 'per_key', burst: 2, nodelay: true },
        },
        CATCH_ALL,
      ],
      apiKeys: ['key-alice', 'key-bob'],
      limitStatus: 429,
    },
    trace: [
      ...burst(0, 5, '/api/users/1', 'key-alice'),
      ...burst(0, 2, '/api/users/1'),
      ...scattered(
        5,
        100,
        4_000,
        150,
        [
          ['/api/users/1', 'key-alice'],
          ['/api/users/2', 'key-alice'],
          ['/api/users/3', 'key-bob'],
          ['/api/users/4', undefined],
          ['/api/users/5', 'key-mallory'],
          ['/nope', 'key-bob'],
          ['/nope', undefined],
          ['/api/users', 'key-alice'],
        ] as const,
        (atMs, [target, key]) => at(atMs, target, key),
      ),
    ],
  },
];

/** Paths for route matching: dot segments, `//`, `%2F`, trailing slash, case, queries, `/api/usersX`. */
export const ROUTE_PATHS: readonly string[] = [
  '/api/users/7',
  '/api/users/',
  '/api/users',
  '/api/users?page=2',
  '/api/users/7?x=1&y=2',
  '/api/usersX',
  '/api/usersX/7',
  '/api/Users/7',
  '/API/USERS/7',
  '/api//users/7',
  '//api/users/7',
  '/api/users//7',
  '/api/./users/7',
  '/api/users/./7',
  '/api/users/.',
  '/api/users/../admin',
  '/api/users/7/../8',
  '/api/users/...',
  '/api/users/.hidden',
  '/api%2Fusers/1',
  '/api%2fusers/1',
  '/api/users%2F7',
  '/api/%75sers/7',
  '/api/users/%2E%2E/admin',
  '/api/users%3F/7',
  '/api/users/7%23x',
  '/api/users/a+b',
  '/api/orders',
  '/api/orders/',
  '/api/orders/5',
  '/api/ordersX',
  '/api/orders?y=2',
  '/api/status',
  '/api/status/',
  '/api/status?z',
  '/api/Status',
  '/api',
  '/',
  '/..',
  '/api/../..',
  '/api/%zz',
  '/api/%00',
];

export const ROUTES_SCENARIO: Scenario = {
  name: 'routes',
  upstreams: ['user-service', 'order-service', 'status-service'],
  model: {
    zones: {},
    locations: [
      { path: '/api/users/', exact: false, proxies: true, upstream: 'user-service' },
      { path: '/api/orders', exact: false, proxies: true, upstream: 'order-service' },
      { path: '/api/status', exact: true, proxies: true, upstream: 'status-service' },
      CATCH_ALL,
    ],
    limitStatus: 503,
  },
  trace: ROUTE_PATHS.map((target, i) => at(i * 5, target)),
};

// Configurations exported by the engine's nginx emitter (src/engine/export/nginx.ts), each with a
// trace of 50–200 requests, and how to run the exported file against stand-in upstreams.
import type { GatewayConfig } from '../../src/engine/export/types';
import { type NginxPlan, renderNginx } from '../../src/engine/export/nginx';
import type { TraceRequest } from './harness';
import type { ModelLocation, NginxConfigModel } from './model';
import { ROUTE_PATHS, at, burst, every, scattered } from './scenarios';

export interface ExportScenario {
  readonly name: string;
  readonly config: GatewayConfig;
  readonly trace: readonly TraceRequest[];
}

const SECOND = 1000;
const MINUTE = 60_000;

const USERS = 'http://user-service:3001';
const ORDERS = 'http://order-service:3002';
const KEYS = ['key-alice', 'key-bob'];

/** The file as exported, with the harness's listen address, cache directory and stand-ins. */
export function exportedFile(plan: NginxPlan): string {
  return renderNginx(plan, {
    listen: '{{listen}}',
    cachePath: '{{dir}}/cache',
    addressOf: (hostPort) => `{{upstream:${standIn(hostPort)}}}`,
  });
}

/** The stand-in upstream answering for an instance `host:port`: named after its host. */
function standIn(hostPort: string): string {
  return hostPort.slice(0, hostPort.lastIndexOf(':'));
}

export function standIns(plan: NginxPlan): string[] {
  return plan.upstreams.flatMap((u) => u.servers.map(standIn));
}

/** The model of the exported file: one zone keyed by API key, the plan's locations and keys. */
export function modelOf(plan: NginxPlan): NginxConfigModel {
  const limit = { zone: 'per_key', burst: plan.burst, nodelay: plan.nodelay };
  const upstreams = new Map(plan.upstreams.map((u) => [u.name, u.servers.map(standIn)]));
  const locations: ModelLocation[] = plan.locations.map((location) => {
    const { path, exact, proxies } = location;
    if (location.upstream === undefined) {
      return { path, exact, proxies, returns: location.returns ?? 404, limit };
    }
    return { path, exact, proxies, upstream: upstreams.get(location.upstream) ?? [], limit };
  });
  return {
    zones: { per_key: { rate: plan.rate.rate, windowMs: plan.rate.windowMs, key: 'apiKey' } },
    locations,
    apiKeys: plan.apiKeys,
    limitStatus: plan.limitStatus,
  };
}

export const EXPORT_SCENARIOS: readonly ExportScenario[] = [
  {
    // The playground's own settings: 5 per minute (so rate=5r/m burst=4 nodelay), exact routes.
    name: 'lesson-rm-burst-nodelay-exact',
    config: {
      routes: [
        { path: '/api/users', service: USERS, match: 'exact' },
        { path: '/api/orders', service: ORDERS, match: 'exact' },
        { path: '/api/payments', service: 'http://payment-service:3003' },
      ],
      keys: ['abc123', 'web456'],
      limit: { requests: 5, windowMs: MINUTE },
    },
    trace: [
      ...burst(0, 6, '/api/users', 'abc123'),
      at(0, '/api/users'), // no key: 401, uses no quota
      at(0, '/api/users', 'zzz999'), // unknown key: 401
      // 5r/m is 83 thousandths per second: a slot is 12.048 s, so 12.024 s is refused.
      at(12_024, '/api/users', 'abc123'),
      at(12_070, '/api/users', 'abc123'),
      ...burst(500, 3, '/api/users/7', 'web456'), // exact route: 404 without using quota
      ...burst(600, 6, '/api/payments/1', 'web456'),
      at(700, '/api/paymentsX', 'web456'),
      ...every(13_000, 300, 40, '/api/orders', 'web456'),
    ],
  },
  {
    name: 'rs-burst-nodelay-prefix',
    config: {
      routes: [{ path: '/api/users', service: USERS }],
      keys: KEYS,
      limit: { requests: 10, windowMs: SECOND, burst: 5, nodelay: true },
    },
    trace: [
      ...burst(0, 8, '/api/users/1', 'key-alice'),
      ...burst(0, 3, '/api/users', 'key-bob'),
      ...every(300, 50, 40, '/api/users/2', 'key-alice'),
      ...scattered(
        11,
        2_500,
        5_000,
        60,
        [
          ['/api/users/4', 'key-alice'],
          ['/api/users?x=1', 'key-bob'],
          ['/api/usersX', 'key-bob'],
          ['/api/users/5', undefined],
          ['/api/users/6', 'key-eve'],
        ] as const,
        (atMs, [target, key]) => at(atMs, target, key),
      ),
    ],
  },
  {
    name: 'rs-no-burst-exact',
    config: {
      routes: [
        { path: '/api/users', service: USERS, match: 'exact' },
        { path: '/api/orders', service: ORDERS, match: 'exact' },
      ],
      keys: KEYS,
      limit: { requests: 5, windowMs: SECOND, burst: 0 },
    },
    trace: [
      ...every(0, 130, 30, '/api/users', 'key-alice'),
      ...burst(4_500, 5, '/api/orders', 'key-bob'),
      ...scattered(
        12,
        5_000,
        8_000,
        40,
        [
          ['/api/users', 'key-alice'],
          ['/api/orders', 'key-alice'],
          ['/api/users/1', 'key-bob'],
          ['/api/orders', undefined],
        ] as const,
        (atMs, [target, key]) => at(atMs, target, key),
      ),
    ],
  },
  {
    name: 'rs-burst-delay',
    config: {
      routes: [{ path: '/api/users', service: USERS }],
      keys: KEYS,
      limit: { requests: 10, windowMs: SECOND, burst: 5, nodelay: false },
    },
    trace: [
      ...burst(0, 8, '/api/users/1', 'key-alice'),
      ...every(700, 60, 40, '/api/users/2', 'key-alice'),
      ...burst(4_000, 4, '/api/users/3', 'key-bob'),
      ...scattered(13, 4_200, 6_000, 12, ['/api/users/4', '/nope'], (atMs, target) =>
        at(atMs, target, 'key-bob'),
      ),
    ],
  },
  {
    name: 'rm-no-burst',
    config: {
      routes: [{ path: '/api/users', service: USERS }],
      keys: KEYS,
      limit: { requests: 7, windowMs: MINUTE, burst: 0 },
    },
    trace: [
      // 7r/m is 116 thousandths per second: the next pass is 8.621 s after the last, not 8.571 s.
      ...Array.from({ length: 4 }, (_, i) => {
        const base = i * 8_660;
        return [
          at(base, '/api/users/1', 'key-alice'),
          at(base + 8_500, '/api/users/2', 'key-alice'),
          at(base + 8_600, '/api/users/3', 'key-alice'),
        ];
      }).flat(),
      ...every(34_640, 150, 42, '/api/users/4', 'key-alice'),
    ],
  },
  {
    name: 'rm-burst-delay',
    config: {
      routes: [{ path: '/api/users', service: USERS }],
      keys: KEYS,
      limit: { requests: 30, windowMs: MINUTE, burst: 3, nodelay: false },
    },
    trace: [
      ...burst(0, 5, '/api/users/1', 'key-alice'),
      ...every(1_000, 700, 45, '/api/users/2', 'key-alice'),
    ],
  },
  {
    // A 10 s window is 30r/m; keys that nginx's `map` would misread unless escaped.
    name: 'keys-missing-unknown-10s-window',
    config: {
      routes: [{ path: '/api/orders', service: ORDERS }],
      keys: ['default', '~tilde', 'with space', 'q"uote\\back'],
      limit: { requests: 5, windowMs: 10 * SECOND, burst: 2, nodelay: true },
    },
    trace: scattered(
      14,
      0,
      6_000,
      120,
      [
        ['/api/orders/1', 'default'],
        ['/api/orders/2', '~tilde'],
        ['/api/orders/3', 'with space'],
        ['/api/orders/4', 'q"uote\\back'],
        ['/api/orders/5', undefined],
        ['/api/orders/6', 'tilde'],
        ['/api/orders/7', 'defaul'],
        ['/api/orders/8', '~.*'],
        ['/nope', 'default'],
      ] as const,
      (atMs, [target, key]) => at(atMs, target, key),
    ),
  },
  {
    name: 'cache-on-two-instances',
    config: {
      routes: [
        { path: '/api/users', service: USERS },
        { path: '/api/orders', service: ORDERS, match: 'exact' },
      ],
      keys: KEYS,
      limit: { requests: 20, windowMs: SECOND, burst: 10, nodelay: true },
      cache: { ttlMs: 3_000 },
      instances: { [USERS]: 2 },
    },
    trace: [
      ...every(0, 100, 60, '/api/users/1', 'key-alice'),
      ...every(50, 250, 24, '/api/users/2', 'key-bob'),
      ...every(75, 300, 20, '/api/orders', 'key-bob'),
      ...burst(6_500, 14, '/api/users/3', 'key-alice'),
    ],
  },
  {
    // A root route takes what no other route does: no catch-all 404.
    name: 'cache-off-root-route',
    config: {
      routes: [
        { path: '/', service: 'http://default-service:3009' },
        { path: '/api/users', service: USERS },
        { path: '/api/users/me', service: 'http://profile-service:3005', match: 'exact' },
        // nginx would answer /api/orders with a 301 to /api/orders/; the export keeps it on `/`.
        { path: '/api/orders/', service: ORDERS, match: 'exact' },
      ],
      keys: KEYS,
      limit: { requests: 20, windowMs: SECOND, burst: 4, nodelay: true },
    },
    trace: scattered(
      15,
      0,
      5_000,
      100,
      [
        '/',
        '/api/users',
        '/api/users/',
        '/api/users/me',
        '/api/users/me/x',
        '/api/usersX',
        '/api/orders',
        '/api/orders/',
        '/x',
      ],
      (atMs, target) => at(atMs, target, 'key-alice'),
    ),
  },
];

/** Route matching: the route paths sent to an exported config whose limit never gets in the way. */
export const EXPORT_ROUTES_SCENARIO: ExportScenario = {
  name: 'routes',
  config: {
    routes: [
      { path: '/api/users', service: USERS },
      { path: '/api/orders', service: ORDERS },
      { path: '/api/status', service: 'http://status-service:3007', match: 'exact' },
    ],
    keys: ['key-alice'],
    limit: { requests: 1000, windowMs: SECOND, burst: 1000 },
  },
  trace: ROUTE_PATHS.map((target, i) => at(i * 5, target, 'key-alice')),
};

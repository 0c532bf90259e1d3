import { describe, expect, it } from 'vitest';
import { APIGateway } from './apiGateway';
import { SettingError } from './errors';
import { Gateway, type GatewaySettings } from './gateway';
import { LESSON_PROFILE, MESSAGES, toRetryAfterSeconds } from './profiles';
import { SlidingWindowLimiter, type RateLimitAlgorithm } from './limiters';
import type { Route } from './routing';

const USERS: Route = {
  path: '/api/users',
  serviceUrl: 'http://user-service:3001',
  match: 'prefix',
};
const ORDERS: Route = {
  path: '/api/orders',
  serviceUrl: 'http://order-service:3002',
  match: 'prefix',
};
const KEY = 'abc123';

function gateway(settings: Partial<GatewaySettings> = {}): Gateway {
  return new Gateway(settings, [USERS, ORDERS]);
}

describe('Gateway pipeline: auth → rate limit → router', () => {
  it('forwards a good request through all three stages, in order', () => {
    const decision = gateway().handle({ path: '/api/users/7?x=1', apiKey: KEY }, 0);
    expect(decision.status).toBe(200);
    expect(decision.stages.map((s) => [s.stage, s.verdict])).toEqual([
      ['auth', 'pass'],
      ['rate-limit', 'pass'],
      ['router', 'pass'],
    ]);
    expect(decision.decidedBy).toBe('service');
    expect(decision.route).toBe(USERS);
    expect(decision.service).toBe('user-service');
    expect(decision.body).toBe('Routed to http://user-service:3001/api/users/7');
    expect(decision.stages[1]?.note).toBe('4 of 5 left');
  });

  it('no key → 401 with WWW-Authenticate, no rate-limit headers, and no quota used', () => {
    const g = gateway();
    for (const apiKey of [undefined, null, '']) {
      const decision = g.handle({ path: '/api/users', apiKey }, 0);
      expect(decision.status).toBe(401);
      expect(decision.body).toBe(MESSAGES.missingKey);
      expect(decision.headers).toEqual({ 'WWW-Authenticate': 'Key' });
      expect(decision.stages.map((s) => s.stage)).toEqual(['auth']);
      expect(decision.decidedBy).toBe('auth');
    }
    expect(g.getLimiter().clientCount).toBe(0);
    const statuses = Array.from(
      { length: 6 },
      () => g.handle({ path: '/api/users', apiKey: KEY }, 1).status,
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("'registered' (the default) refuses unknown keys with a different message", () => {
    const g = gateway();
    const unknown = g.handle({ path: '/api/users', apiKey: 'guess' }, 0);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toBe(MESSAGES.unknownKey);
    expect(unknown.body).not.toBe(MESSAGES.missingKey);
    expect(unknown.headers['WWW-Authenticate']).toBe('Key');
    expect(unknown.stages[0]?.note).toContain('"guess" is not registered');
    expect(g.getLimiter().clientCount).toBe(0);
  });

  it("'presence' accepts any key, as the lesson's code does, but still refuses no key", () => {
    const g = gateway({ keyMode: 'presence' });
    expect(g.handle({ path: '/api/users', apiKey: 'anything' }, 0).status).toBe(200);
    expect(g.handle({ path: '/api/users' }, 0).status).toBe(401);
  });

  it('limits per API key', () => {
    const g = gateway({ registeredKeys: ['k1', 'k2'], maxRequests: 1 });
    expect(g.handle({ path: '/api/users', apiKey: 'k1' }, 0).status).toBe(200);
    expect(g.handle({ path: '/api/users', apiKey: 'k1' }, 0).status).toBe(429);
    expect(g.handle({ path: '/api/users', apiKey: 'k2' }, 0).status).toBe(200);
  });

  it('429 carries Retry-After in whole seconds, rounded up', () => {
    const g = gateway();
    for (let t = 0; t < 5; t++) g.handle({ path: '/api/users', apiKey: KEY }, t);
    const refused = g.handle({ path: '/api/users', apiKey: KEY }, 10_000);
    expect(refused.status).toBe(429);
    expect(refused.body).toBe(MESSAGES.rateLimited);
    expect(refused.decidedBy).toBe('rate-limit');
    expect(refused.stages.map((s) => s.stage)).toEqual(['auth', 'rate-limit']);
    expect(refused.headers['Retry-After']).toBe('50'); // the request at 0 leaves at 60,000
    expect(refused.stages[1]?.note).toBe('limit of 5 reached; retry in 50 s');
    const later = g.handle({ path: '/api/users', apiKey: KEY }, 59_000.5);
    expect(later.headers['Retry-After']).toBe('1'); // 999.5 ms → 1 s, never 0
  });

  it('toRetryAfterSeconds rounds up and never says 0 for a wait', () => {
    expect(toRetryAfterSeconds(50_000)).toBe(50);
    expect(toRetryAfterSeconds(50_001)).toBe(51);
    expect(toRetryAfterSeconds(1)).toBe(1);
    expect(toRetryAfterSeconds(0)).toBe(1);
  });

  it('sends RateLimit-Policy and RateLimit on every response that reached the limiter', () => {
    const g = gateway();
    const first = g.handle({ path: '/api/users', apiKey: KEY }, 0);
    expect(first.headers['RateLimit-Policy']).toBe('"default";q=5;w=60');
    expect(first.headers['RateLimit']).toBe('"default";r=4;t=60');
    expect(first.headers['Retry-After']).toBeUndefined();
    for (let t = 1; t < 5; t++) g.handle({ path: '/api/users', apiKey: KEY }, t * 1000);
    const refused = g.handle({ path: '/api/users', apiKey: KEY }, 30_500);
    expect(refused.headers['RateLimit']).toBe('"default";r=0;t=30');
    const notFound = g.handle({ path: '/nowhere', apiKey: KEY }, 60_000);
    expect(notFound.headers['RateLimit-Policy']).toBe('"default";q=5;w=60');
    expect(notFound.headers['RateLimit']).toBe('"default";r=0;t=1');
  });

  it("the policy header's w is whole seconds: a fractional window is rounded up", () => {
    const policy = (windowMs: number) =>
      gateway({ windowMs, maxRequests: 3 }).handle({ path: '/api/users', apiKey: KEY }, 0).headers[
        'RateLimit-Policy'
      ];
    expect(policy(1500)).toBe('"default";q=3;w=2');
    expect(policy(1000)).toBe('"default";q=3;w=1');
    expect(policy(250)).toBe('"default";q=3;w=1');
    expect(policy(60_001)).toBe('"default";q=3;w=61');
  });

  it('unknown route → 404 after the limiter, and it did use quota', () => {
    const g = gateway();
    const decision = g.handle({ path: '/api/payments?x=1', apiKey: KEY }, 0);
    expect(decision.status).toBe(404);
    expect(decision.body).toBe(MESSAGES.noRoute);
    expect(decision.decidedBy).toBe('router');
    expect(decision.stages.map((s) => [s.stage, s.verdict])).toEqual([
      ['auth', 'pass'],
      ['rate-limit', 'pass'],
      ['router', 'refuse'],
    ]);
    expect(decision.stages[2]?.note).toBe('no route for /api/payments');
    expect(decision.route).toBeNull();
    expect(g.getLimiter().snapshot(KEY, 0).remaining).toBe(4);
  });

  it('rejects a non-finite time', () => {
    expect(() => gateway().handle({ path: '/api/users', apiKey: KEY }, NaN)).toThrow(SettingError);
  });
});

describe('Gateway routes', () => {
  it('addRoute rejects bad paths and duplicates with a SettingError naming the setting', () => {
    const g = gateway();
    const add = (route: Partial<Route>) => () =>
      g.addRoute({ path: '/x', serviceUrl: 'http://x', match: 'prefix', ...route });
    expect(add({ path: 'api/x' })).toThrow(/^path: .*start with "\/"/);
    expect(add({ path: '/api/my x' })).toThrow(/^path: .*spaces/);
    expect(add({ path: '/api/users' })).toThrow(/^path: "\/api\/users" is already routed/);
    // A trailing slash names the same prefix.
    expect(add({ path: '/api/users/' })).toThrow(/already routed/);
    expect(add({ serviceUrl: '  ' })).toThrow(/^serviceUrl: /);
    expect(add({ path: 'api/x' })).toThrow(SettingError);
    // The same path may have one exact and one prefix route.
    expect(add({ path: '/api/users', match: 'exact' })).not.toThrow();
    expect(g.getRoutes()).toHaveLength(3);
  });

  it('the constructor validates its routes too', () => {
    expect(() => new Gateway({}, [USERS, USERS])).toThrow(SettingError);
  });

  it('removeRoute stops routing that path', () => {
    const g = gateway();
    g.removeRoute('/api/orders');
    expect(g.handle({ path: '/api/orders', apiKey: KEY }, 0).status).toBe(404);
    expect(g.handle({ path: '/api/users', apiKey: KEY }, 0).status).toBe(200);
  });

  it('useRouteLookup swaps the matcher; null restores the built-in one', () => {
    const g = gateway();
    const seen: string[] = [];
    g.useRouteLookup((path) => {
      seen.push(path);
      return path.startsWith('/api/orders') ? ORDERS : null;
    });
    expect(g.handle({ path: '/api/users', apiKey: KEY }, 0).status).toBe(404);
    expect(g.handle({ path: '/api/orders/1?x', apiKey: KEY }, 0).route).toBe(ORDERS);
    expect(seen).toEqual(['/api/users', '/api/orders/1?x']);
    g.useRouteLookup(null);
    expect(g.handle({ path: '/api/users', apiKey: KEY }, 0).status).toBe(200);
  });
});

describe('Gateway settings', () => {
  it('configure() keeps the limiter when only keys or key mode change', () => {
    const g = gateway();
    const limiter = g.getLimiter();
    g.handle({ path: '/api/users', apiKey: KEY }, 0);
    g.configure({ registeredKeys: [KEY, 'k2'], keyMode: 'registered' });
    g.configure({ maxRequests: 5, windowMs: 60_000, algorithm: 'sliding-window-log' }); // unchanged
    expect(g.getLimiter()).toBe(limiter);
    expect(g.getLimiter().snapshot(KEY, 0).remaining).toBe(4);
    expect(g.handle({ path: '/api/users', apiKey: 'k2' }, 0).status).toBe(200);
  });

  it.each<Partial<GatewaySettings>>([
    { maxRequests: 6 },
    { windowMs: 30_000 },
    { algorithm: 'token-bucket' },
    { burst: 2 },
    { nodelay: false },
  ])('configure(%j) starts a fresh limiter', (change) => {
    const g = gateway();
    const limiter = g.getLimiter();
    g.handle({ path: '/api/users', apiKey: KEY }, 0);
    g.configure(change);
    expect(g.getLimiter()).not.toBe(limiter);
    expect(g.getLimiter().clientCount).toBe(0);
    expect(g.getSettings()).toMatchObject(change);
  });

  it('configure() rejects bad limiter settings and keeps the old ones', () => {
    const g = gateway();
    expect(() => g.configure({ maxRequests: 0 })).toThrow(/^maxRequests: /);
    expect(g.getSettings().maxRequests).toBe(5);
    expect(g.handle({ path: '/api/users', apiKey: KEY }, 0).status).toBe(200);
  });

  it('useLimiter puts another limiter (e.g. learner code) in the rate-limit stage', () => {
    const g = gateway();
    const calls: [string, number][] = [];
    const inner = new SlidingWindowLimiter(1, 1000);
    const custom: RateLimitAlgorithm = {
      algorithm: 'sliding-window-log',
      policy: { quota: 1, windowSeconds: 1 },
      lastDelayMs: 0,
      clientCount: 0,
      allowRequest(clientId, t) {
        calls.push([clientId, t]);
        return inner.allowRequest(clientId, t);
      },
      snapshot: (clientId, t) => inner.snapshot(clientId, t),
      evictIdle: (t) => inner.evictIdle(t),
    };
    g.useLimiter(custom);
    expect(g.getLimiter()).toBe(custom);
    expect(g.handle({ path: '/api/users', apiKey: KEY }, 7).status).toBe(200);
    const refused = g.handle({ path: '/api/users', apiKey: KEY }, 8);
    expect(refused.status).toBe(429);
    expect(refused.headers['RateLimit-Policy']).toBe('"default";q=1;w=1');
    expect(refused.headers['Retry-After']).toBe('1');
    g.handle({ path: '/api/users' }, 9); // no key: never reaches the limiter
    expect(calls).toEqual([
      [KEY, 7],
      [KEY, 8],
    ]);
  });

  it('a delaying limiter (leaky bucket without nodelay) shows the queue time', () => {
    const g = gateway({ algorithm: 'leaky-bucket', burst: 4, nodelay: false });
    g.handle({ path: '/api/users', apiKey: KEY }, 0);
    const second = g.handle({ path: '/api/users', apiKey: KEY }, 0);
    expect(second.status).toBe(200);
    expect(second.delayMs).toBe(12_048); // nginx: 1000 × 1000 / 83 thousandths per s
    expect(second.stages[1]?.note).toBe('3 of 5 left, queued 12048 ms');
  });
});

describe('APIGateway (the lesson class)', () => {
  it('registers prefix routes by default and exact ones on request', () => {
    const g = new APIGateway();
    g.registerRoute('/api/users', 'http://user-service:3001');
    g.registerRoute('/health', 'http://health:1', { match: 'exact' });
    expect(g.handleRequest({ path: '/api/users/9', apiKey: KEY }, 0).status).toBe(200);
    expect(g.handleRequest({ path: '/health', apiKey: KEY }, 1).status).toBe(200);
    expect(g.handleRequest({ path: '/health/db', apiKey: KEY }, 2).status).toBe(404);
    expect(g.core.getRoutes()).toHaveLength(2);
  });
});

describe('Gateway stage list', () => {
  it('lists the stages that run, in the profile order, each with a label and a description', () => {
    const g = gateway();
    expect(g.stages().map((s) => s.name)).toEqual(['auth', 'rate-limit', 'router']);
    g.configurePipeline({
      accessLog: true,
      requestId: true,
      normalise: true,
      cache: { ttlMs: 1000 },
      transform: { stripPrefix: true, addConsumer: true, removeKey: true },
      balancer: { algorithm: 'round-robin', failures: 3, cooldownMs: 1000 },
    });
    // Everything on: the profile's whole order.
    expect(g.stages().map((s) => s.name)).toEqual(LESSON_PROFILE.order);
    for (const stage of g.stages()) {
      expect(stage.label).not.toBe('');
      expect(stage.description).toMatch(/^[A-Z].*\.$/);
    }
    const decision = g.handle({ path: '/api/users', apiKey: KEY }, 0);
    expect(decision.stages.map((s) => s.stage)).toEqual(g.stages().map((s) => s.name));
    g.configurePipeline({ cache: null, accessLog: false });
    expect(g.stages().map((s) => s.name)).not.toContain('cache');
    expect(g.stages().map((s) => s.name)).not.toContain('access-log');
  });

  it('a bad pipeline parameter changes nothing', () => {
    const g = gateway();
    g.configurePipeline({ cache: { ttlMs: 1000 } });
    expect(() =>
      g.configurePipeline({
        normalise: true,
        balancer: { algorithm: 'round-robin', failures: 0, cooldownMs: 1 },
      }),
    ).toThrow(/^failures: /);
    expect(g.stages().map((s) => s.name)).toEqual(['auth', 'rate-limit', 'router', 'cache']);
  });
});

// Each real gateway's profile through the public contract: createGateway({ profile, ... }).
import { describe, expect, it } from 'vitest';
import { createGateway, type GatewayConfig } from '../createGateway';
import { differencesFromLesson } from './differences';
import { PROFILES, PROFILE_NAMES, type ProfileName } from './index';

const KEY = 'abc123';
const ROUTES: GatewayConfig['routes'] = [
  { path: '/api/users', service: 'user-service' },
  { path: '/api/orders', service: 'order-service' },
];

function gateway(profile: ProfileName, limit: Partial<GatewayConfig['limit']> = {}) {
  return createGateway({
    profile,
    routes: ROUTES,
    keys: [KEY],
    limit: { requests: 5, windowMs: 60_000, ...limit },
  });
}

const statuses = (
  g: ReturnType<typeof gateway>,
  count: number,
  atMs: number,
  path = '/api/users/1',
): number[] => Array.from({ length: count }, () => g.handle({ path, apiKey: KEY }, atMs).status);

describe('kong', () => {
  it("routes first: an unknown path is 404 with Kong's body even without a key", () => {
    const g = gateway('kong');
    const response = g.handle({ path: '/nope', apiKey: null }, 0);
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({ message: 'no Route matched with those values' });
    expect(response.stages.map((s) => s.name)).toEqual(['router']);
  });

  it('key-auth: missing key 401 "No API key found in request", unknown 401 "Unauthorized", both with WWW-Authenticate: Key', () => {
    const g = gateway('kong');
    const missing = g.handle({ path: '/api/users', apiKey: null }, 0);
    const unknown = g.handle({ path: '/api/users', apiKey: 'nope' }, 0);
    expect([missing.status, JSON.parse(missing.body)]).toEqual([
      401,
      { message: 'No API key found in request' },
    ]);
    expect([unknown.status, JSON.parse(unknown.body)]).toEqual([401, { message: 'Unauthorized' }]);
    expect(missing.headers['WWW-Authenticate']).toBe('Key');
    expect(unknown.headers['WWW-Authenticate']).toBe('Key');
  });

  it('a fixed window on calendar minutes: 5 at the end of one minute and 5 at the start of the next all pass', () => {
    const g = gateway('kong');
    expect(statuses(g, 5, 59_000)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses(g, 5, 60_500)).toEqual([200, 200, 200, 200, 200]);
    expect(g.handle({ path: '/api/users', apiKey: KEY }, 61_000).status).toBe(429);
  });

  it('429 "API rate limit exceeded" with RateLimit-*, X-RateLimit-*-Minute and Retry-After to the minute\'s end', () => {
    const g = gateway('kong');
    const first = g.handle({ path: '/api/users', apiKey: KEY }, 10_000);
    expect(first.headers).toEqual({
      'X-RateLimit-Limit-Minute': '5',
      'X-RateLimit-Remaining-Minute': '4',
      'RateLimit-Limit': '5',
      'RateLimit-Remaining': '4',
      'RateLimit-Reset': '50',
    });
    statuses(g, 4, 20_000);
    const refused = g.handle({ path: '/api/users', apiKey: KEY }, 45_200);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toEqual({ message: 'API rate limit exceeded' });
    expect(refused.headers).toMatchObject({
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '15',
      'Retry-After': '15',
      'X-RateLimit-Remaining-Minute': '0',
    });
  });

  it('refused requests use no quota, and refusing an unknown path uses none either', () => {
    const g = gateway('kong');
    g.handle({ path: '/nope', apiKey: KEY }, 0);
    expect(statuses(g, 6, 1)).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('plain string prefixes, the longest wins: /api/users matches /api/usersX', () => {
    const g = createGateway({
      profile: 'kong',
      routes: [
        { path: '/api', service: 'api-service' },
        { path: '/api/users', service: 'user-service' },
      ],
      keys: [KEY],
      limit: { requests: 100, windowMs: 60_000 },
    });
    expect(g.handle({ path: '/api/usersX', apiKey: KEY }, 0).body).toBe(
      'Routed to http://user-service/api/usersX',
    );
    expect(g.handle({ path: '/api/other?x=/api/users', apiKey: KEY }, 0).body).toBe(
      'Routed to http://api-service/api/other',
    );
  });

  it('counts per second, minute, hour or day only', () => {
    expect(() => gateway('kong', { windowMs: 90_000 })).toThrow(/windowMs/);
  });
});

describe('nginx', () => {
  it('the server-level key check comes before limit_req: keyless requests use no quota', () => {
    const g = gateway('nginx', { burst: 4, nodelay: true });
    const missing = g.handle({ path: '/api/users', apiKey: null }, 0);
    expect(missing.status).toBe(401);
    expect(missing.body).toContain('<title>401 Authorization Required</title>');
    expect(statuses(g, 6, 0)).toEqual([200, 200, 200, 200, 200, 503]);
  });

  it('the catch-all 404 never touches the limit', () => {
    const g = gateway('nginx', { burst: 0 });
    for (let i = 0; i < 10; i++)
      expect(g.handle({ path: '/nope', apiKey: KEY }, i).status).toBe(404);
    expect(g.handle({ path: '/api/users', apiKey: KEY }, 10).status).toBe(200);
  });

  it('limit_req with 5r/m: a request 12.040 s after the last pass is refused, 12.070 s passes', () => {
    const g = gateway('nginx', { burst: 4, nodelay: true });
    expect(statuses(g, 6, 0)).toEqual([200, 200, 200, 200, 200, 503]);
    expect(g.handle({ path: '/api/users', apiKey: KEY }, 12_040).status).toBe(503);
    expect(g.handle({ path: '/api/users', apiKey: KEY }, 12_070).status).toBe(200);
  });

  it("503 with nginx's page unless limit_req_status is set; no rate-limit headers", () => {
    const g = gateway('nginx', { status: 429 });
    g.handle({ path: '/api/users', apiKey: KEY }, 0);
    const refused = g.handle({ path: '/api/users', apiKey: KEY }, 1);
    expect(refused.status).toBe(429);
    expect(refused.body).toContain('<title>429 Too Many Requests</title>');
    expect(refused.headers).toEqual({});
    expect(() => gateway('lesson', { status: 429 })).toThrow(/status/);
  });

  it('delay mode: an accepted excess request waits; the statuses are those of nodelay', () => {
    const delayed = gateway('nginx', { requests: 10, windowMs: 1000, burst: 5 });
    const quick = gateway('nginx', { requests: 10, windowMs: 1000, burst: 5, nodelay: true });
    expect(statuses(delayed, 8, 0)).toEqual(statuses(quick, 8, 0));
    const waited = delayed.core.handle({ path: '/api/users', apiKey: KEY }, 150);
    expect(waited.delayMs).toBeGreaterThan(0);
  });

  it('normalises the path before matching, and answers 400 where nginx does', () => {
    const g = createGateway({
      profile: 'nginx',
      routes: [{ path: '/api/users/', service: 'user-service' }],
      keys: [KEY],
      limit: { requests: 100, windowMs: 1000, burst: 100 },
    });
    const at = (path: string) => g.handle({ path, apiKey: KEY }, 0);
    expect(at('/api/users/../admin').status).toBe(404);
    expect(at('/api%2Fusers/1').status).toBe(200);
    expect(at('/api//users/./7?x=1').body).toBe('Routed to http://user-service/api/users/7');
    expect(at('/..').status).toBe(400);
    expect(at('/api/%00').status).toBe(400);
    const moved = at('/api/users?page=2');
    expect([moved.status, moved.headers['Location']]).toEqual([301, '/api/users/?page=2']);
  });

  it('= exact first, then the longest prefix; prefixes are plain strings', () => {
    const g = createGateway({
      profile: 'nginx',
      routes: [
        { path: '/api', service: 'api-service' },
        { path: '/api/orders', service: 'order-service', match: 'exact' },
        { path: '/api/ord', service: 'ord-service' },
      ],
      keys: [KEY],
      limit: { requests: 100, windowMs: 1000, burst: 100 },
    });
    const to = (path: string) => g.handle({ path, apiKey: KEY }, 0).body;
    expect(to('/api/orders')).toBe('Routed to http://order-service/api/orders');
    expect(to('/api/orders/1')).toBe('Routed to http://ord-service/api/orders/1');
    expect(to('/api/x')).toBe('Routed to http://api-service/api/x');
  });
});

describe('envoy', () => {
  it('filters in order with the router last: an unknown path with a key takes a token, then 404 with an empty body', () => {
    const g = gateway('envoy', { requests: 1, windowMs: 60_000, burst: 1 });
    const unknown = g.handle({ path: '/nope', apiKey: KEY }, 0);
    expect([unknown.status, unknown.body]).toEqual([404, '']);
    expect(unknown.stages.map((s) => s.name)).toEqual(['auth', 'rate-limit', 'router']);
    const next = g.handle({ path: '/api/users', apiKey: KEY }, 1);
    expect([next.status, next.body, next.headers['x-envoy-ratelimited']]).toEqual([
      429,
      'local_rate_limited',
      'true',
    ]);
    expect(g.handle({ path: '/api/users', apiKey: null }, 2).status).toBe(401);
  });

  it('a token bucket: max_tokens at the start, tokens_per_fill per fill_interval, refusals take no token', () => {
    // 2 tokens per second, a bucket of 10.
    const g = gateway('envoy', { requests: 2, windowMs: 1000, burst: 10 });
    expect(statuses(g, 11, 0).filter((s) => s === 200)).toHaveLength(10);
    for (let t = 1; t < 500; t += 50) expect(statuses(g, 1, t)).toEqual([429]);
    expect(statuses(g, 1, 500)).toEqual([200]);
    expect(statuses(g, 1, 999)).toEqual([429]);
    expect(statuses(g, 1, 1000)).toEqual([200]);
  });

  it('the first matching route in the list wins, not the longest', () => {
    const g = createGateway({
      profile: 'envoy',
      routes: [
        { path: '/api', service: 'api-service' },
        { path: '/api/users', service: 'user-service' },
      ],
      keys: [KEY],
      limit: { requests: 100, windowMs: 1000 },
    });
    expect(g.handle({ path: '/api/users/1', apiKey: KEY }, 0).body).toBe(
      'Routed to http://api-service/api/users/1',
    );
  });
});

describe('aws', () => {
  it('an unknown path is 403 Missing Authentication Token, with or without a key', () => {
    const g = gateway('aws');
    for (const apiKey of [null, KEY]) {
      const response = g.handle({ path: '/nope', apiKey }, 0);
      expect([response.status, JSON.parse(response.body)]).toEqual([
        403,
        { message: 'Missing Authentication Token' },
      ]);
    }
  });

  it('a missing or invalid key is 403 Forbidden', () => {
    const g = gateway('aws');
    for (const apiKey of [null, 'nope']) {
      const response = g.handle({ path: '/api/users', apiKey }, 0);
      expect([response.status, JSON.parse(response.body)]).toEqual([403, { message: 'Forbidden' }]);
    }
  });

  it('throttles with a rate and a burst: 429 Too Many Requests, no rate-limit headers', () => {
    const g = gateway('aws', { requests: 1, windowMs: 1000, burst: 3 });
    expect(statuses(g, 4, 0)).toEqual([200, 200, 200, 429]);
    const refused = g.handle({ path: '/api/users', apiKey: KEY }, 1);
    expect(JSON.parse(refused.body)).toEqual({ message: 'Too Many Requests' });
    expect(refused.headers).toEqual({});
    expect(statuses(g, 2, 1000)).toEqual([200, 429]);
  });

  it('matching respects segments: /api/users does not match /api/usersX', () => {
    expect(gateway('aws').handle({ path: '/api/usersX', apiKey: KEY }, 0).status).toBe(403);
  });
});

describe('profiles as data', () => {
  it('every profile builds through createGateway and its matcher agrees with its matching rules', () => {
    for (const name of PROFILE_NAMES) {
      const profile = PROFILES[name];
      const plain = profile.matchRoute(
        [{ path: '/api/users', serviceUrl: 'http://u', match: 'prefix' }],
        '/api/usersX',
      );
      expect(plain !== null, name).toBe(profile.matching.prefix === 'string');
      const routes = [
        { path: '/api', serviceUrl: 'http://a', match: 'prefix' as const },
        { path: '/api/users/', serviceUrl: 'http://u', match: 'prefix' as const },
      ];
      const winner = profile.matchRoute(routes, '/api/users/1');
      expect(winner?.serviceUrl, name).toBe(
        profile.matching.winner === 'first-listed' ? 'http://a' : 'http://u',
      );
      expect(() => gateway(name)).not.toThrow();
    }
  });

  it('the differences from the lesson are generated from the data', () => {
    expect(differencesFromLesson(PROFILES.lesson)).toEqual([]);
    const kong = differencesFromLesson(PROFILES.kong).map((d) => d.text);
    expect(kong).toContain(
      'Order: Router → key-auth → rate-limiting (the lesson: Auth → Rate limit → Router).',
    );
    expect(kong.join('\n')).toMatch(/An unknown path is answered 404 before the key/);
    expect(kong.join('\n')).toMatch(/plain strings/);
    expect(kong.join('\n')).toMatch(/Fixed window/);
    expect(kong.join('\n')).toMatch(
      /RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After/,
    );
    const envoy = differencesFromLesson(PROFILES.envoy);
    expect(envoy.some((d) => d.topic === 'order')).toBe(false);
    expect(envoy.map((d) => d.text)).toContain(
      'Of several matching routes the first in the list wins, not the longest.',
    );
    for (const name of PROFILE_NAMES) {
      const simplified = differencesFromLesson(PROFILES[name]).filter(
        (d) => d.topic === 'simplification',
      );
      expect(simplified.map((d) => d.text)).toEqual(PROFILES[name].simplifications);
    }
  });
});

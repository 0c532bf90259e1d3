import { describe, expect, it } from 'vitest';
import { createGateway, type GatewayConfig } from './index';

const CONFIG: GatewayConfig = {
  routes: [
    { path: '/api/users', service: 'http://user-service:3001' },
    { path: '/api/orders', service: 'order-service', match: 'exact' },
  ],
  keys: ['abc123'],
  limit: { requests: 5, windowMs: 60_000 },
};

describe('createGateway (the public contract)', () => {
  it('forwards a good request and names the service URL in the body', () => {
    const response = createGateway(CONFIG).handle({ path: '/api/users/7', apiKey: 'abc123' }, 0);
    expect(response).toEqual({
      status: 200,
      body: 'Routed to http://user-service:3001/api/users/7',
      headers: { 'RateLimit-Policy': '"default";q=5;w=60', RateLimit: '"default";r=4;t=60' },
      stages: [
        { name: 'auth', verdict: 'pass' },
        { name: 'rate-limit', verdict: 'pass' },
        { name: 'router', verdict: 'pass' },
      ],
    });
  });

  it('keeps the lesson rules: 401 first, 429 on the sixth, 404 after the limiter, exact routes', () => {
    const g = createGateway(CONFIG);
    const missing = g.handle({ path: '/api/users', apiKey: null }, 0);
    expect([missing.status, missing.body, missing.headers]).toEqual([
      401,
      'Unauthorized: no API key in the request',
      { 'WWW-Authenticate': 'Key' },
    ]);
    expect(g.handle({ path: '/api/users', apiKey: 'nope' }, 0).body).toBe(
      'Unauthorized: API key not recognised',
    );
    expect(g.handle({ path: '/api/orders', apiKey: 'abc123' }, 1).body).toBe(
      'Routed to http://order-service/api/orders',
    );
    const unknown = g.handle({ path: '/api/orders/1', apiKey: 'abc123' }, 2);
    expect([unknown.status, unknown.stages.at(-1)]).toEqual([
      404,
      { name: 'router', verdict: 'refuse' },
    ]);
    for (let t = 3; t < 6; t++)
      expect(g.handle({ path: '/api/users', apiKey: 'abc123' }, t).status).toBe(200);
    const limited = g.handle({ path: '/api/users', apiKey: 'abc123' }, 10_000);
    expect([limited.status, limited.body, limited.headers['Retry-After']]).toEqual([
      429,
      'Too Many Requests',
      '51', // the oldest of the five (at 1 ms) leaves the window at 60,001
    ]);
  });

  it('method defaults to GET; cache adds the stage, a Hit answered at the gateway', () => {
    const g = createGateway({ ...CONFIG, cache: { ttlMs: 30_000 } });
    const miss = g.handle({ path: '/api/users', apiKey: 'abc123' }, 0);
    expect(miss.headers['X-Cache-Status']).toBe('Miss');
    const hit = g.handle({ method: 'GET', path: '/api/users', apiKey: 'abc123' }, 1);
    expect(hit.headers['X-Cache-Status']).toBe('Hit');
    expect(hit.stages.at(-1)).toEqual({ name: 'cache', verdict: 'respond' });
    expect(hit.headers['RateLimit']).toBe('"default";r=3;t=60');
    const post = g.handle({ method: 'POST', path: '/api/users', apiKey: 'abc123' }, 2);
    expect(post.headers['X-Cache-Status']).toBe('Bypass');
  });

  it('RateLimit-Policy w is whole seconds, rounded up', () => {
    const g = createGateway({ ...CONFIG, limit: { requests: 3, windowMs: 1500 } });
    expect(g.handle({ path: '/api/users', apiKey: 'abc123' }, 0).headers['RateLimit-Policy']).toBe(
      '"default";q=3;w=2',
    );
  });

  it('bad data is refused with the field named', () => {
    expect(() => createGateway({ ...CONFIG, limit: { requests: 0, windowMs: 1000 } })).toThrow(
      /^maxRequests: /,
    );
    expect(() => createGateway({ ...CONFIG, routes: [{ path: 'api', service: 'x' }] })).toThrow(
      /^path: /,
    );
    expect(() => createGateway({ ...CONFIG, profile: 'traefik' as unknown as 'lesson' })).toThrow(
      'profile: unknown profile "traefik"',
    );
    expect(() => createGateway({ ...CONFIG, cache: { ttlMs: -1 } })).toThrow(/^ttlMs: /);
  });
});

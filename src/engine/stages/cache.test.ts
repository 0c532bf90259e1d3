import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../pipeline/runner';
import { cacheKey, cacheStage } from './cache';
import { KEY, gatewayWith } from './testGateway.fixture';

const get = (path = '/api/users') => ({ path, apiKey: KEY });

describe('the cache stage', () => {
  it('Miss, then Hit answered at the gateway: it never reaches the service and still uses quota', () => {
    const g = gatewayWith({ cache: { ttlMs: 30_000 } }, { maxRequests: 5 });
    const miss = g.handle(get(), 0);
    expect(miss.headers['X-Cache-Status']).toBe('Miss');
    expect(miss.service).toBe('user-service');
    const hit = g.handle(get(), 1000);
    expect(hit.status).toBe(200);
    expect(hit.body).toBe(miss.body);
    expect(hit.headers['X-Cache-Status']).toBe('Hit');
    expect(hit.headers['Age']).toBe('1');
    expect(hit.decidedBy).toBe('cache');
    expect(hit.service).toBeNull();
    expect(hit.upstream).toBeNull();
    expect(hit.stages.map((s) => [s.stage, s.verdict])).toEqual([
      ['auth', 'pass'],
      ['rate-limit', 'pass'],
      ['router', 'pass'],
      ['cache', 'respond'],
    ]);
    expect(hit.headers['RateLimit']).toBe('"default";r=3;t=59');
    expect(g.getLimiter().snapshot(KEY, 1000).remaining).toBe(3);
  });

  it('POST is a Bypass, never stored and never served', () => {
    const g = gatewayWith({ cache: { ttlMs: 30_000 } });
    const post = g.handle({ ...get(), method: 'POST' }, 0);
    expect(post.headers['X-Cache-Status']).toBe('Bypass');
    expect(g.handle({ ...get(), method: 'POST' }, 1).headers['X-Cache-Status']).toBe('Bypass');
    expect(g.handle(get(), 2).headers['X-Cache-Status']).toBe('Miss');
  });

  it('the key is method + path: HEAD and GET, and different paths, are stored apart', () => {
    expect(cacheKey('GET', '/api/users?x=1')).toBe('GET /api/users');
    const g = gatewayWith({ cache: { ttlMs: 30_000 } });
    g.handle(get(), 0);
    expect(g.handle({ ...get(), method: 'HEAD' }, 1).headers['X-Cache-Status']).toBe('Miss');
    expect(g.handle(get('/api/users/7'), 2).headers['X-Cache-Status']).toBe('Miss');
    expect(g.handle(get('/api/users?page=2'), 3).headers['X-Cache-Status']).toBe('Hit');
  });

  it('an entry expires exactly at its TTL', () => {
    const g = gatewayWith({ cache: { ttlMs: 1000 } });
    g.handle(get(), 0);
    expect(g.handle(get(), 999).headers['X-Cache-Status']).toBe('Hit');
    expect(g.handle(get(), 1000).headers['X-Cache-Status']).toBe('Miss');
  });

  it('a response is stored when it is back at the gateway, not before', () => {
    const g = gatewayWith({ cache: { ttlMs: 1000 } });
    g.upstreams.configureService('user-service', { latencyMs: 200 });
    g.handle(get(), 0); // settles at 200
    expect(g.handle(get(), 199).headers['X-Cache-Status']).toBe('Miss');
    expect(g.handle(get(), 200).headers['X-Cache-Status']).toBe('Hit');
    expect(g.handle(get(), 1199).headers['X-Cache-Status']).toBe('Hit');
    expect(g.handle(get(), 1200).headers['X-Cache-Status']).toBe('Miss');
  });

  it('failures are not stored', () => {
    const g = gatewayWith({ cache: { ttlMs: 1000 } });
    g.upstreams.setDown('user-service', 0, true);
    expect(g.handle(get(), 0).status).toBe(502);
    g.upstreams.setDown('user-service', 0, false);
    expect(g.handle(get(), 1).headers['X-Cache-Status']).toBe('Miss');
  });

  it('property: never serves past the TTL, never a method other than GET/HEAD', () => {
    const request = fc.record({
      gapMs: fc.integer({ min: 0, max: 700 }),
      method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE'),
      path: fc.constantFrom('/api/users', '/api/users/1', '/api/orders', '/nowhere'),
    });
    fc.assert(
      fc.property(
        fc.array(request, { maxLength: 60 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 500 }),
        (requests, ttlMs, latencyMs) => {
          const g = gatewayWith({ cache: { ttlMs } });
          g.upstreams.configureService('user-service', { latencyMs });
          const stored: { key: string; fromMs: number }[] = [];
          let t = 0;
          for (const { gapMs, method, path } of requests) {
            t += gapMs;
            const decision = g.handle({ method, path, apiKey: KEY }, t);
            const key = cacheKey(method, path);
            if (decision.decidedBy === 'cache') {
              expect(['GET', 'HEAD']).toContain(method);
              const source = stored.filter((s) => s.key === key && s.fromMs <= t);
              expect(source.some((s) => t < s.fromMs + ttlMs)).toBe(true);
            }
            if (decision.upstream?.outcome === 'ok' && decision.status === 200)
              stored.push({ key, fromMs: decision.upstream.settledAtMs });
          }
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('rejects a TTL that is not positive, and keeps the pipeline as it was', () => {
    const g = gatewayWith({});
    expect(() => g.configurePipeline({ cache: { ttlMs: 0 } })).toThrow(/^ttlMs: /);
    expect(g.stages().map((s) => s.name)).toEqual(['auth', 'rate-limit', 'router']);
  });

  it('starts from entries keyed as cacheKey writes them', () => {
    const entry = { status: 200, body: 'Routed to x', storedAtMs: 0, expiresAtMs: 1000 };
    const stage = cacheStage({ ttlMs: 1000 }, undefined, new Map([['GET /api/users', entry]]));
    const at = (method: string, path: string, atMs: number) =>
      stage.run(createContext({ method, path }, atMs, false)).verdict;
    expect(at('GET', '/api/users?page=2', 500)).toBe('respond');
    expect(at('HEAD', '/api/users', 500)).toBe('pass');
    expect(at('GET', '/api/users', 1000)).toBe('pass');
  });
});

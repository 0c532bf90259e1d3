import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchNginxLocation } from '../nginxLocation';
import { matchRoute, serviceName } from '../routing';
import { emitNginx, nginxRate, planNginx } from './nginx';
import type { GatewayConfig } from './types';

const LESSON: GatewayConfig = {
  routes: [
    { path: '/api/users', service: 'http://user-service:3001', match: 'exact' },
    { path: '/api/orders', service: 'http://order-service:3002' },
  ],
  keys: ['abc123', 'web456'],
  limit: { requests: 5, windowMs: 60_000 },
};

function lines(config: GatewayConfig): string[] {
  return emitNginx(config)
    .text.split('\n')
    .map((line) => line.trim());
}

describe('nginx export', () => {
  it('writes the keys as a map and refuses others at server level with 401', () => {
    const text = lines(LESSON);
    expect(text).toContain('map $http_x_api_key $api_key_known {');
    expect(text).toContain('default 0;');
    expect(text).toContain('"abc123" 1;');
    expect(text).toContain('"web456" 1;');
    const ifAt = text.indexOf('if ($api_key_known = 0) {');
    expect(text[ifAt + 1]).toBe('return 401;');
    expect(ifAt).toBeLessThan(text.findIndex((l) => l.startsWith('location')));
  });

  it('escapes keys nginx would read as map keywords or a regex', () => {
    const text = lines({ ...LESSON, keys: ['default', '~x', 'a"b\\c'] });
    expect(text).toContain('"\\\\default" 1;');
    expect(text).toContain('"\\\\~x" 1;');
    expect(text).toContain('"a\\"b\\\\c" 1;');
  });

  it('limits per key with the playground defaults: burst requests − 1, nodelay, 429', () => {
    const text = lines(LESSON);
    expect(text).toContain('limit_req_zone $http_x_api_key zone=per_key:10m rate=5r/m;');
    expect(text).toContain('limit_req_status 429;');
    expect(text).toContain('limit_req zone=per_key burst=4 nodelay;');
  });

  it('writes burst without nodelay for delay mode, and neither for burst 0', () => {
    const delay = lines({
      ...LESSON,
      limit: { requests: 10, windowMs: 1000, burst: 5, nodelay: false },
    });
    expect(delay).toContain('limit_req zone=per_key burst=5;');
    expect(delay).toContain('limit_req_zone $http_x_api_key zone=per_key:10m rate=10r/s;');
    const none = lines({ ...LESSON, limit: { requests: 10, windowMs: 1000, burst: 0 } });
    expect(none).toContain('limit_req zone=per_key;');
  });

  it('routes exact with =, prefixes as = path plus path/, and ends with a 404 catch-all', () => {
    const text = emitNginx(LESSON).text;
    expect(text).toMatch(/location = \/api\/users \{\n\s+proxy_pass http:\/\/user-service;/);
    expect(text).toMatch(/location = \/api\/orders \{\n\s+proxy_pass http:\/\/order-service;/);
    expect(text).toMatch(/location \/api\/orders\/ \{\n\s+proxy_pass http:\/\/order-service;/);
    expect(text).toMatch(/location \/ \{\n\s+return 404;/);
    expect(text).not.toMatch(/location \/api\/orders \{/);
  });

  it('has an upstream per service with a server per instance', () => {
    const text = lines({ ...LESSON, instances: { 'http://user-service:3001': 3 } });
    const at = text.indexOf('upstream user-service {');
    expect(text.slice(at + 1, at + 5)).toEqual([
      'server user-service-1:3001;',
      'server user-service-2:3001;',
      'server user-service-3:3001;',
      '}',
    ]);
    expect(text).toContain('upstream order-service {');
    expect(text).toContain('server order-service:3002;');
  });

  it('caches GET and HEAD by method and path for the TTL, in whole seconds', () => {
    const result = emitNginx({ ...LESSON, cache: { ttlMs: 1500 } });
    const text = result.text.split('\n').map((l) => l.trim());
    expect(
      text.some(
        (l) => l.startsWith('proxy_cache_path ') && l.includes('keys_zone=gateway_cache:10m'),
      ),
    ).toBe(true);
    expect(text).toContain('proxy_cache gateway_cache;');
    expect(text).toContain('proxy_cache_key $request_method$uri;');
    expect(text).toContain('proxy_cache_methods GET HEAD;');
    expect(text).toContain('proxy_cache_valid 200 2s;');
    expect(result.notExpressed.join('\n')).toMatch(/1500 ms is exported as 2s/);
    expect(lines(LESSON).some((l) => l.startsWith('proxy_cache'))).toBe(false);
  });

  it('lists what it cannot say: the rate rounding, normalisation, no quota for unknown paths', () => {
    const notes = emitNginx(LESSON).notExpressed.join('\n');
    expect(notes).toMatch(/5r\/m as 83 thousandths.*12\.048 s, not 12 s/);
    expect(notes).toMatch(/normalised path/);
    expect(notes).toMatch(/unknown path uses no quota/);
    expect(
      emitNginx({ ...LESSON, limit: { requests: 10, windowMs: 1000 } }).notExpressed.join('\n'),
    ).not.toMatch(/thousandths/);
  });

  it('leaves out a route that an earlier one shadows, and says so', () => {
    const result = emitNginx({
      ...LESSON,
      routes: [...LESSON.routes, { path: '/api/orders/', service: 'http://other:1' }],
    });
    expect(result.text).not.toContain('other:1');
    expect(result.notExpressed.join('\n')).toMatch(
      /prefix route \/api\/orders\/ → http:\/\/other:1 is left out/,
    );
  });

  it('refuses unusable configs naming the field', () => {
    expect(() => emitNginx({ ...LESSON, limit: { requests: 0, windowMs: 1000 } })).toThrow(
      /limit.requests/,
    );
    expect(() =>
      emitNginx({ ...LESSON, limit: { requests: 5, windowMs: 1000, burst: 1.5 } }),
    ).toThrow(/limit.burst/);
    expect(() => emitNginx({ ...LESSON, routes: [{ path: 'api', service: 'x' }] })).toThrow(
      /routes\[0\].path/,
    );
    expect(() => emitNginx({ ...LESSON, routes: [{ path: '/a', service: 'ftp://x' }] })).toThrow(
      /routes\[0\].service/,
    );
    expect(() => emitNginx({ ...LESSON, keys: ['ok', ''] })).toThrow(/keys\[1\]/);
    expect(() => emitNginx({ ...LESSON, instances: { 'http://user-service:3001': 0 } })).toThrow(
      /instances/,
    );
  });
});

describe('nginxRate', () => {
  it.each([
    [10, 1000, 10, 'r/s'],
    [5, 60_000, 5, 'r/m'],
    [5, 10_000, 30, 'r/m'],
    [60, 60_000, 1, 'r/s'],
    [1, 500, 2, 'r/s'],
  ])('%i per %i ms is %i%s exactly', (requests, windowMs, rate, unit) => {
    const result = nginxRate(requests, windowMs);
    expect(result).toMatchObject({ rate, unit });
    expect(result.notes.some((n) => n.includes('whole requests'))).toBe(false);
  });

  it.each([
    [3, 7000, 26],
    [1, 3_600_000, 1],
  ])('%i per %i ms is rounded to %ir/m, and says so', (requests, windowMs, rate) => {
    const result = nginxRate(requests, windowMs);
    expect(result).toMatchObject({ rate, unit: 'r/m' });
    expect(result.notes[0]).toMatch(/whole requests per second or minute/);
  });
});

/** Paths made of a few segments, as nginx leaves them after normalisation. */
const segment = fc.constantFrom('api', 'users', 'usersX', 'orders', 'a', '7', '');
const pathArb = fc.array(segment, { minLength: 0, maxLength: 4 }).map((s) => `/${s.join('/')}`);
const routeArb = fc.record({
  path: pathArb.filter((p) => !p.includes('//')),
  service: fc.constantFrom('s1', 's2', 's3', 's4'),
  match: fc.constantFrom('prefix' as const, 'exact' as const),
});

describe('nginx locations choose the playground’s route', () => {
  it('for every normalised path (exact first, then the longest segment-aware prefix)', () => {
    fc.assert(
      fc.property(
        fc.array(routeArb, { maxLength: 6 }),
        fc.array(pathArb, { maxLength: 20 }),
        (routes, paths) => {
          const plan = planNginx({ routes, keys: [], limit: { requests: 1, windowMs: 1000 } });
          const playgroundRoutes = routes.map((r) => ({
            path: r.path,
            serviceUrl: r.service,
            match: r.match,
          }));
          for (const path of paths) {
            if (path.includes('//')) continue;
            const route = matchRoute(playgroundRoutes, path);
            const nginx = matchNginxLocation(plan.locations, path);
            const chosen =
              nginx.kind === 'location' ? (nginx.location.upstream ?? null) : 'redirect';
            expect(chosen).toBe(route === null ? null : serviceName(route.serviceUrl));
          }
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});

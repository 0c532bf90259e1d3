import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccessLog, toNdjson, type AccessLogRecord } from './accessLog';
import { KEY, gatewayWith } from './testGateway.fixture';

describe('the access log stage', () => {
  it('writes one record per request once its response is known, gateway answers included', () => {
    const g = gatewayWith({
      accessLog: true,
      requestId: true,
      balancer: { algorithm: 'round-robin', failures: 3, cooldownMs: 1000 },
    });
    g.upstreams.configureService('user-service', { instances: 2, latencyMs: 40 });
    g.handle({ path: '/api/users/1', apiKey: KEY, clientId: 'mobile' }, 100);
    g.handle({ method: 'POST', path: '/api/users' }, 200);
    expect(g.accessLog()).toEqual<AccessLogRecord[]>([
      {
        timeMs: 100,
        id: 'req-000001',
        client: 'mobile',
        method: 'GET',
        path: '/api/users/1',
        status: 200,
        decidedBy: 'service',
        upstream: 'user-service-1',
        latencyMs: 40,
      },
      {
        timeMs: 200,
        id: 'req-000002',
        client: null,
        method: 'POST',
        path: '/api/users',
        status: 401,
        decidedBy: 'auth',
        upstream: null,
        latencyMs: 0,
      },
    ]);
    expect(g.stages()[0]?.name).toBe('access-log');
  });

  it('off: nothing is logged', () => {
    const g = gatewayWith({});
    g.handle({ path: '/api/users', apiKey: KEY }, 0);
    expect(g.accessLog()).toEqual([]);
  });

  it('toNdjson: one JSON object per line, parseable back', () => {
    const g = gatewayWith({ accessLog: true });
    for (let t = 0; t < 3; t++) g.handle({ path: '/api/users', apiKey: KEY }, t);
    const text = toNdjson(g.accessLog());
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines.slice(0, 3).map((line) => JSON.parse(line) as AccessLogRecord)).toEqual(
      g.accessLog(),
    );
    expect(toNdjson([])).toBe('');
  });
});

describe('AccessLog (the store)', () => {
  it('keeps the last `limit` lines, oldest first', () => {
    const log = new AccessLog(3);
    expect(log.records()).toEqual([]);
    for (let t = 0; t < 5; t++) log.write(t, null, null, 'GET', `/p${t}`, 200, 'service', null, 0);
    expect(log.size).toBe(3);
    expect(log.records().map((r) => r.path)).toEqual(['/p2', '/p3', '/p4']);
    log.clear();
    expect(log.records()).toEqual([]);
    log.write(9, 'req-1', 'mobile', 'POST', '/x', 401, 'auth', null, 0);
    expect(log.records()).toEqual([
      {
        timeMs: 9,
        id: 'req-1',
        client: 'mobile',
        method: 'POST',
        path: '/x',
        status: 401,
        decidedBy: 'auth',
        upstream: null,
        latencyMs: 0,
      },
    ]);
  });
});

describe('AccessLog ids', () => {
  it('gives back every id exactly as written, whether kept as a number or as text', () => {
    const ids = ['req-000042', 'trace-42', null, 'req-0000042', 'req-1234567', 'req-', ''];
    const log = new AccessLog(10);
    for (const id of ids) log.write(0, id, null, 'GET', '/', 200, 'service', null, 0);
    expect(log.records().map((r) => r.id)).toEqual(ids);
    const other = new AccessLog(10, 'corr');
    for (const id of ids) other.write(0, id, null, 'GET', '/', 200, 'service', null, 0);
    expect(other.records().map((r) => r.id)).toEqual(ids);
  });
});

describe('AccessLog growth', () => {
  it('grows past its first columns and then wraps, keeping order', () => {
    const log = new AccessLog(3000);
    for (let t = 0; t < 4000; t++) log.write(t, null, null, 'GET', '/', 200, 'service', null, 0);
    const times = log.records().map((r) => r.timeMs);
    expect(times).toHaveLength(3000);
    expect(times[0]).toBe(1000);
    expect(times.at(-1)).toBe(3999);
    expect(times.every((t, i) => i === 0 || t === (times[i - 1] as number) + 1)).toBe(true);
  });
});

describe('AccessLog growth, every field', () => {
  /** Line `i`'s fields, all different from line to line (ids both given and the client's own). */
  const line = (i: number): AccessLogRecord => ({
    timeMs: i,
    id: i % 3 === 0 ? null : i % 3 === 1 ? `req-${String(i).padStart(6, '0')}` : `client-${i}`,
    client: i % 2 === 0 ? null : `c${i}`,
    method: i % 5 === 0 ? 'POST' : 'GET',
    path: `/p/${i}`,
    status: 200 + (i % 7),
    decidedBy: i % 4 === 0 ? 'auth' : 'service',
    upstream: i % 4 === 0 ? null : `u-${i}`,
    latencyMs: i / 2,
  });

  it('keeps the last `limit` lines since the last clear, every field, across every growth', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.integer({ min: 0, max: 6000 }), { minLength: 1, maxLength: 3 }),
        (limit, runs) => {
          const log = new AccessLog(limit);
          let written = 0;
          let kept: AccessLogRecord[] = [];
          for (const run of runs) {
            log.clear();
            kept = [];
            for (let k = 0; k < run; k++) {
              const r = line(written++);
              log.write(
                r.timeMs,
                r.id,
                r.client,
                r.method,
                r.path,
                r.status,
                r.decidedBy,
                r.upstream,
                r.latencyMs,
              );
              kept.push(r);
            }
          }
          expect(log.records()).toEqual(kept.slice(Math.max(0, kept.length - limit)));
        },
      ),
      { numRuns: 40 },
    );
  });
});

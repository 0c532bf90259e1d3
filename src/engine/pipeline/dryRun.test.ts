import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Gateway } from '../gateway';
import { KEY, ORDERS, USERS } from '../stages/testGateway.fixture';
import type { Arrival } from './dryRun';

/** Every stage on, three user-service instances, latency and a fault: the dry run's hardest case. */
function everything(): Gateway {
  const g = new Gateway({ maxRequests: 4, windowMs: 2000, registeredKeys: [KEY, 'k2'] }, [
    USERS,
    ORDERS,
  ]);
  g.configurePipeline({
    accessLog: true,
    requestId: true,
    normalise: true,
    cache: { ttlMs: 700 },
    transform: { stripPrefix: true, addConsumer: true, removeKey: true },
    balancer: { algorithm: 'least-connections', failures: 2, cooldownMs: 900 },
  });
  g.upstreams.configureService('user-service', { instances: 3, latencyMs: 120 });
  g.upstreams.transit = { stageMs: 5, upstreamMs: 20 };
  g.upstreams.scheduleFaults([
    { service: 'user-service', instance: 2, fromMs: 0, toMs: 1500, failure: 'error' },
  ]);
  return g;
}

const arrivalArb = fc.array(
  fc.record({
    gapMs: fc.integer({ min: 0, max: 300 }),
    method: fc.constantFrom('GET', 'POST', 'HEAD'),
    path: fc.constantFrom(
      '/api/users',
      '/api/users/1',
      '/api/users/../orders',
      '/api/orders',
      '/x',
    ),
    apiKey: fc.constantFrom(KEY, 'k2', 'nope', null),
  }),
  { maxLength: 50 },
);

interface Step {
  gapMs: number;
  method: string;
  path: string;
  apiKey: string | null;
}

function toArrivals(steps: readonly Step[], startMs: number): Arrival[] {
  let t = startMs;
  return steps.map(({ gapMs, method, path, apiKey }) => {
    t += gapMs;
    return { request: { method, path, apiKey }, atMs: t };
  });
}

describe('dry run', () => {
  it('property: predicts exactly which requests reach each stage, when and with what path', () => {
    fc.assert(
      fc.property(arrivalArb, arrivalArb, (before, after) => {
        const g = everything();
        const warm = toArrivals(before, 0);
        for (const { request, atMs } of warm) g.handle(request, atMs);
        const coming = toArrivals(after, (warm.at(-1)?.atMs ?? 0) + 1);
        const names = g.stages().map((s) => s.name);
        const predicted = new Map(names.map((name) => [name, g.dryRun(coming, name)]));
        const decisions = coming.map(({ request, atMs }) => g.handle(request, atMs));
        for (const name of names) {
          const reached = decisions.flatMap((d, index) =>
            d.stages.some((s) => s.stage === name) ? [index] : [],
          );
          const calls = predicted.get(name) ?? [];
          expect(calls.map((c) => c.index)).toEqual(reached);
          expect(calls.map((c) => c.atMs)).toEqual(reached.map((i) => coming[i]?.atMs));
          expect(calls.map((c) => c.method)).toEqual(reached.map((i) => decisions[i]?.method));
        }
        // The router's calls carry the path it matched: normalised.
        for (const call of predicted.get('router') ?? []) expect(call.path).not.toContain('..');
      }),
      { seed: 3, numRuns: 150 },
    );
  });

  it('leaves the gateway exactly as it was', () => {
    fc.assert(
      fc.property(arrivalArb, (steps) => {
        const arrivals = toArrivals(steps, 0);
        const plain = everything();
        const probed = everything();
        for (const name of probed.stages().map((s) => s.name)) probed.dryRun(arrivals, name);
        const run = (g: Gateway) => arrivals.map(({ request, atMs }) => g.handle(request, atMs));
        expect(run(probed)).toEqual(run(plain));
        expect(probed.accessLog()).toEqual(plain.accessLog());
      }),
      { seed: 4, numRuns: 100 },
    );
  });

  it('names the stage it cannot find', () => {
    expect(() => everything().dryRun([], 'firewall')).toThrow(
      'no stage "firewall" in this pipeline',
    );
  });
});

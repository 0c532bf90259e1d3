import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HealthOptions } from '../upstream/health';
import { KEY, gatewayWith } from './testGateway.fixture';

const HEALTH: HealthOptions = { algorithm: 'round-robin', failures: 3, cooldownMs: 10_000 };
const users = { path: '/api/users', apiKey: KEY };

function threeInstances(health: Partial<HealthOptions> = {}) {
  const g = gatewayWith({ balancer: { ...HEALTH, ...health } });
  g.upstreams.configureService('user-service', { instances: 3 });
  return g;
}

describe('the balancer stage', () => {
  it('round robin: 1, 2, 3, 1 …', () => {
    const g = threeInstances();
    const picked = [0, 1, 2, 3].map((t) => g.handle(users, t).upstream?.instance);
    expect(picked).toEqual([
      'user-service-1',
      'user-service-2',
      'user-service-3',
      'user-service-1',
    ]);
  });

  it('least connections: the instance with the fewest answers outstanding', () => {
    const g = threeInstances({ algorithm: 'least-connections' });
    g.upstreams.configureService('user-service', { latencyMs: 100 });
    const picked = [0, 1, 2, 3].map((t) => g.handle(users, t).upstream?.instanceIndex);
    expect(picked).toEqual([0, 1, 2, 0]);
    // At 101 the first three answers are back (settled at 100, 101), the fourth (from 3) is not.
    expect(g.handle(users, 101).upstream?.instanceIndex).toBe(1);
  });

  it('failures reach the client as 502 or 504 with a body naming the instance', () => {
    const g = threeInstances();
    g.upstreams.setDown('user-service', 0, true);
    g.upstreams.scheduleFaults([
      { service: 'user-service', instance: 2, fromMs: 0, toMs: 100, failure: 'error' },
      { service: 'user-service', instance: 3, fromMs: 0, toMs: 100, failure: 'timeout' },
    ]);
    const [down, error, timeout] = [0, 1, 2].map((t) => g.handle(users, t));
    expect([down?.status, down?.body]).toEqual([
      502,
      'Bad Gateway: user-service-1 refused the connection',
    ]);
    expect([error?.status, error?.body]).toEqual([502, 'Bad Gateway: user-service-2 answered 500']);
    expect([timeout?.status, timeout?.body]).toEqual([
      504,
      'Gateway Timeout: user-service-3 did not answer within 5000 ms',
    ]);
    expect(timeout?.upstream?.settledAtMs).toBe(2 + 5000);
    expect(down?.decidedBy).toBe('service');
  });

  it('ejects after K failures, moves traffic to the others, then 503 at once when all are out', () => {
    const g = threeInstances({ failures: 2 });
    g.upstreams.setDown('user-service', 1, true);
    const statuses = Array.from({ length: 9 }, (_, t) => g.handle(users, t));
    // user-service-2 fails at 1 and 4, then is ejected: from 5 on, 1 and 3 take turns.
    expect(statuses.map((d) => d.upstream?.instance)).toEqual([
      'user-service-1',
      'user-service-2',
      'user-service-3',
      'user-service-1',
      'user-service-2',
      'user-service-3',
      'user-service-1',
      'user-service-3',
      'user-service-1',
    ]);
    expect(g.getHealth()?.instanceStates('user-service', 3, 9)).toEqual([
      'healthy',
      'ejected',
      'healthy',
    ]);
    g.upstreams.setDown('user-service', 0, true);
    g.upstreams.setDown('user-service', 2, true);
    const out = Array.from({ length: 5 }, (_, i) => g.handle(users, 10 + i));
    expect(out.map((d) => d.status)).toEqual([502, 502, 502, 502, 503]);
    const open = out[4];
    expect(open?.body).toBe(
      'Service Unavailable: every instance of user-service is ejected (circuit open)',
    );
    expect(open?.decidedBy).toBe('balancer');
    expect(open?.upstream).toBeNull();
    expect(open?.stages.at(-1)?.verdict).toBe('respond');
    expect(g.getHealth()?.circuit('user-service', 3, 14)).toBe('open');
  });

  it('after the cool-down one probe decides: success closes, failure opens again', () => {
    const g = gatewayWith({ balancer: { ...HEALTH, failures: 1, cooldownMs: 1000 } });
    g.upstreams.setDown('user-service', 0, true);
    expect(g.handle(users, 0).status).toBe(502); // ejected until 1000
    expect(g.handle(users, 999).status).toBe(503);
    const probe = g.handle(users, 1000);
    expect(probe.stages.at(-1)?.note).toBe(
      'cool-down over: user-service-1 gets one probe (half-open)',
    );
    expect(probe.status).toBe(502); // still down: open again until 2000
    expect(g.handle(users, 1500).status).toBe(503);
    g.upstreams.setDown('user-service', 0, false);
    expect(g.handle(users, 2000).status).toBe(200); // the probe succeeds
    expect(g.getHealth()?.circuit('user-service', 1, 2000)).toBe('closed');
    expect(g.handle(users, 2001).status).toBe(200);
  });

  it('while the probe is in flight, others still get 503 (one probe only)', () => {
    const g = gatewayWith({ balancer: { ...HEALTH, failures: 1, cooldownMs: 1000 } });
    g.upstreams.configureService('user-service', { latencyMs: 300 });
    g.upstreams.scheduleFaults([
      { service: 'user-service', instance: 1, fromMs: 0, toMs: 1, failure: 'error' },
    ]);
    expect(g.handle(users, 0).status).toBe(502); // settles at 300, ejected until 1300
    expect(g.handle(users, 1300).status).toBe(200); // probe, answer back at 1600
    expect(g.getHealth()?.circuit('user-service', 1, 1400)).toBe('half-open');
    expect(g.handle(users, 1400).status).toBe(503);
    expect(g.handle(users, 1600).status).toBe(200);
  });

  it('property: never picks an ejected instance; ejection after K failures; probe only after the cool-down', () => {
    const step = fc.record({
      gapMs: fc.integer({ min: 0, max: 400 }),
      toggle: fc.option(fc.integer({ min: 0, max: 2 }), { freq: 4 }),
    });
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom('round-robin' as const, 'least-connections' as const),
        fc.integer({ min: 0, max: 300 }),
        (steps, failures, cooldownMs, algorithm, latencyMs) => {
          const g = threeInstances({ failures, cooldownMs, algorithm });
          g.upstreams.configureService('user-service', { latencyMs });
          // Our own model of each instance, fed with the same answers in event-time order.
          const model = [0, 1, 2].map(() => ({ streak: 0, until: null as number | null }));
          const answers: { at: number; i: number; ok: boolean }[] = [];
          let t = 0;
          for (const { gapMs, toggle } of steps) {
            t += gapMs;
            if (toggle !== null)
              g.upstreams.setDown(
                'user-service',
                toggle,
                !g.upstreams.isDown('user-service', toggle),
              );
            answers.sort((a, b) => a.at - b.at);
            while (answers.length > 0 && (answers[0] as { at: number }).at <= t) {
              const { at, i, ok } = answers.shift() as { at: number; i: number; ok: boolean };
              const m = model[i] as { streak: number; until: number | null };
              m.streak = ok ? 0 : m.streak + 1;
              if (ok && m.until !== null && m.until <= at) m.until = null;
              else if (!ok && (m.streak >= failures || (m.until !== null && m.until <= at)))
                m.until = m.until !== null && m.until > at ? m.until : at + cooldownMs;
            }
            const decision = g.handle(users, t);
            const up = decision.upstream;
            if (up === null) {
              expect(decision.status).toBe(503);
              expect(model.every((m) => m.until !== null)).toBe(true);
              continue;
            }
            const m = model[up.instanceIndex] as { until: number | null };
            // Picked: healthy, or ejected with the cool-down over (the probe).
            expect(m.until === null || m.until <= t).toBe(true);
            answers.push({ at: up.settledAtMs, i: up.instanceIndex, ok: up.outcome === 'ok' });
          }
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});

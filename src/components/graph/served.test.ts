import { describe, expect, it } from 'vitest';
import { burst, Gateway, Simulation } from '../../engine';
import { countUpTo, decidedTimes, servedTimes } from './served';

function run() {
  const gateway = new Gateway({ maxRequests: 50 }, [
    { path: '/api/users', serviceUrl: 'http://user-service:3001', match: 'prefix' },
    { path: '/api/orders', serviceUrl: 'http://order-service:3002', match: 'prefix' },
  ]);
  const simulation = new Simulation(gateway, { seed: 7 });
  const client = { clientId: 'mobile', apiKey: 'abc123' };
  simulation.send(burst({ ...client, path: '/api/users' }, 30, 0));
  simulation.send(burst({ ...client, path: '/api/orders' }, 30, 10));
  return simulation.runAll();
}

describe('served counts', () => {
  const traces = run();

  it('agrees with counting every trace at every moment', () => {
    for (const service of ['user-service', 'order-service', 'payment-service']) {
      const times = servedTimes(traces, service);
      for (let clockMs = 0; clockMs <= 2000; clockMs += 7) {
        const naive = traces.filter(
          (t) =>
            t.decision.service === service &&
            t.events.some((e) => e.type === 'served' && e.atMs <= clockMs),
        ).length;
        expect(countUpTo(times, clockMs)).toBe(naive);
      }
    }
  });

  it('counts only requests that reached the service', () => {
    // 50 of the 60 pass the limiter; the other 10 are refused with 429 and never served.
    const all =
      servedTimes(traces, 'user-service').length + servedTimes(traces, 'order-service').length;
    expect(all).toBe(50);
    expect(countUpTo(servedTimes(traces, 'user-service'), Infinity)).toBe(30);
  });
});

describe('decidedTimes', () => {
  it('counts a request under its status once its deciding stage is reached, not on arrival', () => {
    const gateway = new Gateway({ maxRequests: 1 }, []);
    const simulation = new Simulation(gateway, { seed: 7 });
    const mobile = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };
    simulation.send(burst(mobile, 2, 0));
    simulation.send(burst({ ...mobile, apiKey: null }, 1, 0));
    const traces = simulation.runAll();
    const times = decidedTimes(traces);
    const arrivedMs = traces[0]?.arrivedAtMs ?? 0;
    const count = (atMs: number) =>
      ([200, 401, 404, 429] as const).map((s) =>
        countUpTo(times.get(s) ?? new Float64Array(0), atMs),
      );
    expect(count(arrivedMs)).toEqual([0, 0, 0, 0]);
    const lastMs = Math.max(...traces.map((t) => t.respondedAtMs));
    // No routes: the allowed request is refused 404 at the router, one 429, one 401.
    expect(count(lastMs)).toEqual([0, 1, 1, 1]);
  });
});

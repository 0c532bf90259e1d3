import { describe, expect, it } from 'vitest';
import { Gateway } from './gateway';
import { Simulation, simulate, type RequestTrace } from './simulation';
import { burst, mix, spread, type RequestTemplate, type TrafficRequest } from './traffic';

const ALICE: RequestTemplate = { clientId: 'alice', apiKey: 'abc123', path: '/api/users/1' };
const NO_KEY: RequestTemplate = { clientId: 'eve', apiKey: null, path: '/api/users' };
const LOST: RequestTemplate = { clientId: 'alice', apiKey: 'abc123', path: '/nowhere' };
const TIMING = { networkMs: 100, stageMs: 10, upstreamMs: 20, serviceMinMs: 50, serviceMaxMs: 150 };

function gateway(): Gateway {
  return new Gateway({}, [
    { path: '/api/users', serviceUrl: 'http://user-service:3001', match: 'prefix' },
  ]);
}

const traffic = (): TrafficRequest[] =>
  mix(burst(ALICE, 7, 0), burst(NO_KEY, 1, 5), burst(LOST, 1, 5), spread(ALICE, 3, 61_000, 1));

const kinds = (trace: RequestTrace) =>
  trace.events.map((e) => (e.type === 'stage' ? `${e.stage}:${e.verdict}` : e.type));

describe('simulate', () => {
  it('same seed and traffic → identical traces and events', () => {
    const a = simulate(gateway(), traffic(), { seed: 3, timing: TIMING });
    const b = simulate(gateway(), traffic(), { seed: 3, timing: TIMING });
    expect(a).toEqual(b);
  });

  it('a different seed changes the service latencies, not the decisions', () => {
    const a = simulate(gateway(), traffic(), { seed: 3, timing: TIMING });
    const b = simulate(gateway(), traffic(), { seed: 4, timing: TIMING });
    const served = (r: typeof a) => r.traces.filter((t) => t.decision.status === 200);
    expect(a.traces.map((t) => t.decision.status)).toEqual(b.traces.map((t) => t.decision.status));
    expect(served(a).map((t) => t.serviceMs)).not.toEqual(served(b).map((t) => t.serviceMs));
    for (const t of served(a)) {
      expect(t.serviceMs).toBeGreaterThanOrEqual(50);
      expect(t.serviceMs).toBeLessThan(150);
    }
  });

  it('decides in arrival order: 5 pass, then 429; no key → 401; quota returns after the window', () => {
    const { traces } = simulate(gateway(), traffic(), { timing: TIMING });
    expect(traces.map((t) => t.id)).toEqual(traces.map((_, i) => i + 1));
    expect(traces.map((t) => t.decision.status)).toEqual([
      // 7 at 0, no key at 5, an unknown path at 5 (refused by the limiter before the router),
      // then 3 from 61 s when the first five have left the window.
      200, 200, 200, 200, 200, 429, 429, 401, 429, 200, 200, 200,
    ]);
  });

  it('events are time-ordered in each trace and in the merged list', () => {
    const { traces, events } = simulate(gateway(), traffic(), { seed: 5, timing: TIMING });
    for (const trace of traces) {
      const times = trace.events.map((e) => e.atMs);
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(trace.events.every((e) => e.requestId === trace.id)).toBe(true);
      expect(trace.events.at(-1)?.atMs).toBe(trace.respondedAtMs);
    }
    expect(events).toHaveLength(traces.reduce((n, t) => n + t.events.length, 0));
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.atMs).toBeGreaterThanOrEqual(events[i - 1]?.atMs as number);
    }
  });

  it('a forwarded request goes through every stage to the service and back', () => {
    const { traces } = simulate(gateway(), burst(ALICE, 1, 0), { timing: TIMING });
    const trace = traces[0] as RequestTrace;
    expect(kinds(trace)).toEqual([
      'sent',
      'arrived',
      'auth:pass',
      'rate-limit:pass',
      'router:pass',
      'forwarded',
      'served',
      'responded',
    ]);
    expect(trace.arrivedAtMs).toBe(100);
    expect(trace.respondedAtMs).toBe(100 + 3 * 10 + 20 + trace.serviceMs + 20 + 100);
  });

  it("a refused request's events stop at the refusing stage", () => {
    const { traces } = simulate(gateway(), traffic(), { timing: TIMING });
    const byStatus = (status: number) => traces.find((t) => t.decision.status === status);
    expect(kinds(byStatus(401) as RequestTrace)).toEqual([
      'sent',
      'arrived',
      'auth:refuse',
      'responded',
    ]);
    expect(kinds(byStatus(429) as RequestTrace)).toEqual([
      'sent',
      'arrived',
      'auth:pass',
      'rate-limit:refuse',
      'responded',
    ]);
    const refused = byStatus(429) as RequestTrace;
    expect(refused.serviceMs).toBe(0);
    expect(refused.respondedAtMs).toBe(refused.arrivedAtMs + 2 * 10 + 100);
  });

  it('a queued (leaky bucket) request is forwarded after its delay', () => {
    const g = new Gateway({ algorithm: 'leaky-bucket', burst: 4, nodelay: false }, [
      { path: '/api/users', serviceUrl: 'http://user-service:3001', match: 'prefix' },
    ]);
    const { traces } = simulate(g, burst(ALICE, 2, 0), { timing: TIMING });
    const forwardedAt = traces.map((t) => t.events.find((e) => e.type === 'forwarded')?.atMs);
    expect(forwardedAt).toEqual([130, 130 + 12_048]);
  });
});

describe('Simulation step by step', () => {
  it('advanceTo decides only requests that have arrived', () => {
    const sim = new Simulation(gateway(), { timing: TIMING });
    sim.send([...burst(ALICE, 2, 0), ...burst(ALICE, 1, 500)]);
    expect(sim.pendingCount).toBe(3);
    expect(sim.nextArrivalMs).toBe(100);
    expect(sim.advanceTo(99)).toEqual([]);
    expect(sim.advanceTo(100).map((t) => t.id)).toEqual([1, 2]);
    expect(sim.nextArrivalMs).toBe(600);
    expect(sim.advanceTo(599)).toEqual([]);
    expect(sim.advanceTo(600).map((t) => t.arrivedAtMs)).toEqual([600]);
    expect(sim.pendingCount).toBe(0);
    expect(sim.nextArrivalMs).toBeNull();
    expect(sim.decidedCount).toBe(3);
  });

  it('decides in arrival order even when sent in separate send() calls', () => {
    const sim = new Simulation(gateway(), { timing: TIMING });
    sim.send(burst(ALICE, 1, 300));
    sim.send(burst({ ...ALICE, clientId: 'early' }, 1, 100));
    sim.send(burst({ ...ALICE, clientId: 'same-time' }, 1, 300));
    const decided = sim.runAll();
    expect(decided.map((t) => [t.request.clientId, t.arrivedAtMs, t.id])).toEqual([
      ['early', 200, 1],
      ['alice', 400, 2],
      ['same-time', 400, 3],
    ]);
  });

  it('send() rejects traffic that would arrive before requests already decided', () => {
    const sim = new Simulation(gateway(), { timing: TIMING });
    sim.send(burst(ALICE, 1, 1000));
    sim.advanceTo(1100);
    expect(() => sim.send(burst(ALICE, 1, 999))).toThrow(RangeError);
    expect(() => sim.send(burst(ALICE, 1, 999))).toThrow(/arrive at 1099 ms/);
    expect(sim.pendingCount).toBe(0);
    sim.send(burst(ALICE, 1, 1000)); // arriving together with the last decided one is fine
    expect(sim.runAll()).toHaveLength(1);
  });

  it('advanceTo(nowMs, maxDecisions) decides at most that many and says it stopped early', () => {
    const sim = new Simulation(gateway(), { seed: 3, timing: TIMING });
    sim.send(traffic());
    const decided: RequestTrace[] = [];
    const advance = (nowMs: number, maxDecisions: number) => {
      const fresh = sim.advanceTo(nowMs, maxDecisions);
      decided.push(...fresh);
      return fresh;
    };
    expect(advance(100, 4).map((t) => t.id)).toEqual([1, 2, 3, 4]);
    // Stopped early: the next arrival is still due, and the clock of the caller can hold there.
    expect(sim.nextArrivalMs).toBe(100);
    expect(advance(100, 0)).toEqual([]);
    expect(advance(100, 100).map((t) => t.id)).toEqual([5, 6, 7]);
    expect(sim.nextArrivalMs).toBe(105);
    expect(advance(105, 1).map((t) => t.request.path)).toEqual(['/api/users']);
    while (sim.pendingCount > 0) advance(Infinity, 2);
    // Deciding a few at a time changes nothing: same traces as all at once.
    expect(decided).toEqual(simulate(gateway(), traffic(), { seed: 3, timing: TIMING }).traces);
  });

  it('send() merges with what is queued: arrival order, and queued first on a tie', () => {
    const sim = new Simulation(gateway(), { timing: TIMING });
    const as = (clientId: string, atMs: number) => burst({ ...ALICE, clientId }, 1, atMs);
    sim.send([...as('a', 0), ...as('b', 200), ...as('c', 400)]);
    sim.advanceTo(100); // 'a' decided: the rest waits behind a cursor
    sim.send([...as('d', 200), ...as('e', 300), ...as('f', 500)]);
    sim.send([...as('g', 600), ...as('h', 600)]); // after everything queued: appended
    sim.send(as('i', 100));
    expect(sim.pending.map((r) => r.clientId)).toEqual(['i', 'b', 'd', 'e', 'c', 'f', 'g', 'h']);
    expect(sim.runAll().map((t) => [t.request.clientId, t.id])).toEqual([
      ['i', 2],
      ['b', 3],
      ['d', 4],
      ['e', 5],
      ['c', 6],
      ['f', 7],
      ['g', 8],
      ['h', 9],
    ]);
  });

  it('send() sorts traffic given out of order, stably, and leaves the caller’s array alone', () => {
    const sim = new Simulation(gateway(), { timing: TIMING });
    const as = (clientId: string, atMs: number) => burst({ ...ALICE, clientId }, 1, atMs);
    const given = [...as('late', 500), ...as('x', 0), ...as('y', 0)];
    const copy = [...given];
    sim.send(given);
    expect(given).toEqual(copy);
    expect(sim.pending.map((r) => r.clientId)).toEqual(['x', 'y', 'late']);
    sim.advanceTo(600);
    // The earliest request counts, wherever it sits in the array; a refused send queues nothing.
    expect(() => sim.send([...as('z', 700), ...as('too-early', 450)])).toThrow(/arrive at 550 ms/);
    expect(sim.pendingCount).toBe(0);
  });

  it('send() takes more requests than fit in one function call’s arguments', () => {
    const sim = new Simulation(gateway(), { timing: TIMING });
    const many = mix(burst(ALICE, 100_000, 0), burst(ALICE, 100_000, 1), burst(ALICE, 100_000, 2));
    expect(() => sim.send(many)).not.toThrow();
    expect(sim.pendingCount).toBe(300_000);
  });
});

describe('what the simulation says before deciding', () => {
  it('limiterCallsFor names exactly the calls the limiter then gets', () => {
    const g = gateway();
    const seen: { clientId: string; timestampMs: number }[] = [];
    const limiter = g.getLimiter();
    g.useLimiter({
      ...limiter,
      algorithm: limiter.algorithm,
      policy: limiter.policy,
      lastDelayMs: 0,
      clientCount: 0,
      allowRequest: (clientId, timestampMs) => {
        seen.push({ clientId, timestampMs });
        return limiter.allowRequest(clientId, timestampMs);
      },
      snapshot: (clientId, nowMs) => limiter.snapshot(clientId, nowMs),
      evictIdle: (nowMs) => limiter.evictIdle(nowMs),
    });
    const unknown: RequestTemplate = { clientId: 'mallory', apiKey: 'zzz999', path: '/api/users' };
    // Sent out of order on purpose: the calls come in arrival order.
    const requests = [
      ...burst(ALICE, 2, 40),
      ...burst(NO_KEY, 1, 10),
      ...burst(unknown, 1, 20),
      ...burst(LOST, 1, 0),
    ];
    const sim = new Simulation(g, { timing: TIMING });
    const predicted = sim.limiterCallsFor(requests);
    sim.send(requests);
    sim.runAll();
    expect(seen).toEqual(predicted);
    expect(predicted).toEqual([
      { clientId: 'abc123', timestampMs: 100 },
      { clientId: 'abc123', timestampMs: 140 },
      { clientId: 'abc123', timestampMs: 140 },
    ]);
  });

  it('arrivalMs is when the request is decided', () => {
    const sim = new Simulation(gateway(), { timing: TIMING });
    const [request] = burst(ALICE, 1, 250);
    sim.send([request as TrafficRequest]);
    // Sent at 250 with a 100 ms network leg (TIMING): it reaches the gateway at 350.
    expect(sim.arrivalMs(request as TrafficRequest)).toBe(350);
    expect(sim.nextArrivalMs).toBe(350);
    expect(sim.runAll()[0]?.arrivedAtMs).toBe(350);
  });

  it('the gateway answers authentication questions with its current settings', () => {
    const g = gateway();
    expect(g.authenticate('abc123').ok).toBe(true);
    expect(g.authenticate('zzz999')).toMatchObject({ ok: false, reason: 'unknown' });
    expect(g.authenticate(null)).toMatchObject({ ok: false, reason: 'missing' });
    g.configure({ keyMode: 'presence' });
    expect(g.authenticate('zzz999').ok).toBe(true);
  });
});

describe('Simulation: stepping through events', () => {
  const everyEventAfter = (sim: Simulation, fromMs: number) => {
    const seen: number[] = [];
    let clock = fromMs;
    for (let next = sim.nextEventAfter(clock); next !== null; next = sim.nextEventAfter(clock)) {
      seen.push(next);
      clock = next;
    }
    return seen;
  };
  const distinctTimesAfter = (traces: readonly RequestTrace[], fromMs: number) =>
    [...new Set(traces.flatMap((t) => t.events.map((e) => e.atMs)))]
      .filter((t) => t > fromMs)
      .sort((a, b) => a - b);

  it('steps to the next arrival when nothing is decided yet', () => {
    const sim = new Simulation(gateway(), { timing: TIMING });
    sim.send(burst(ALICE, 2, 0));
    expect(sim.nextEventAfter(0)).toBe(100);
  });

  it('visits every event of the decided requests once, in time order, then null', () => {
    const sim = new Simulation(gateway(), { timing: TIMING });
    sim.send(burst(ALICE, 6, 0));
    const traces = sim.runAll();
    expect(everyEventAfter(sim, 100)).toEqual(distinctTimesAfter(traces, 100));
    expect(sim.nextEventAfter(sim.lastResponseMs)).toBeNull();
    expect(sim.lastResponseMs).toBe(Math.max(...traces.map((t) => t.respondedAtMs)));
  });

  it('finds events minutes away: a leaky bucket without nodelay queues requests for minutes', () => {
    const leaky = new Gateway(
      { algorithm: 'leaky-bucket', maxRequests: 5, windowMs: 60_000, burst: 20, nodelay: false },
      [{ path: '/api/users', serviceUrl: 'http://user-service:3001', match: 'prefix' }],
    );
    const sim = new Simulation(leaky, { timing: TIMING });
    sim.send(burst(ALICE, 21, 0));
    const traces = sim.runAll();
    // The 21st waits for 20 ahead of it to drain, one every 12 s: about 4 minutes.
    expect(sim.lastResponseMs).toBeGreaterThan(120_000);
    expect(everyEventAfter(sim, 100)).toEqual(distinctTimesAfter(traces, 100));
  });
});

describe('Simulation: what it keeps', () => {
  it('keeps only traces that may still have events, however many bursts went through', () => {
    const sim = new Simulation(gateway(), { timing: TIMING });
    let decided = 0;
    for (let second = 0; second < 10; second++) {
      sim.send(burst(ALICE, 300, second * 1000));
      decided += sim.advanceTo(second * 1000 + TIMING.networkMs).length;
      // Only this burst is live: every earlier one is back long before it arrived.
      expect(sim.liveTraces).toHaveLength(300);
      expect(sim.liveTraces.every((t) => t.arrivedAtMs === second * 1000 + TIMING.networkMs)).toBe(
        true,
      );
    }
    expect(sim.decidedCount).toBe(3_000);
    expect(decided).toBe(3_000);
  });

  it('keeps a request still on its way when a later one arrives, and ids keep counting', () => {
    const sim = new Simulation(gateway(), { timing: TIMING });
    sim.send(burst(ALICE, 1, 0));
    const [first] = sim.advanceTo(100);
    sim.send(burst(ALICE, 1, 1));
    const [second] = sim.advanceTo(101);
    expect(first?.respondedAtMs).toBeGreaterThan(101);
    expect(sim.liveTraces.map((t) => t.id)).toEqual([1, 2]);
    sim.send(burst(ALICE, 1, 10_000));
    const [third] = sim.advanceTo(10_100);
    expect(second?.id).toBe(2);
    expect(third?.id).toBe(3);
    expect(sim.liveTraces.map((t) => t.id)).toEqual([3]);
  });

  it('steps through every event after the last arrival as if it kept all traces', () => {
    const sim = new Simulation(gateway(), { seed: 5, timing: TIMING });
    const all: RequestTrace[] = [];
    for (let second = 0; second < 5; second++) {
      // A burst while the previous one is still on its way back.
      sim.send(burst(ALICE, 8, second * 150));
      all.push(...sim.advanceTo(second * 150 + TIMING.networkMs));
    }
    const fromMs = 4 * 150 + TIMING.networkMs;
    const expected = [...new Set(all.flatMap((t) => t.events.map((e) => e.atMs)))]
      .filter((t) => t > fromMs)
      .sort((a, b) => a - b);
    const seen: number[] = [];
    for (let next = sim.nextEventAfter(fromMs); next !== null; next = sim.nextEventAfter(next)) {
      seen.push(next);
    }
    expect(seen).toEqual(expected);
    expect(sim.liveTraces.length).toBeLessThan(all.length);
  });
});

describe('Simulation: the gateway answering, instances and failures', () => {
  const USERS_ROUTE = {
    path: '/api/users',
    serviceUrl: 'http://user-service:3001',
    match: 'prefix' as const,
  };

  it('a cache Hit is answered at the gateway: no forwarded or served event', () => {
    const g = new Gateway({}, [USERS_ROUTE]);
    g.configurePipeline({ cache: { ttlMs: 60_000 } });
    const { traces } = simulate(g, [...burst(ALICE, 1, 0), ...burst(ALICE, 1, 2000)], {
      timing: TIMING,
    });
    expect(kinds(traces[1] as RequestTrace)).toEqual([
      'sent',
      'arrived',
      'auth:pass',
      'rate-limit:pass',
      'router:pass',
      'cache:respond',
      'responded',
    ]);
    expect(traces[1]?.respondedAtMs).toBe(2100 + 4 * 10 + 100);
  });

  it('forwarded names the instance; failed and timed-out events; health acts when answers are back', () => {
    const g = new Gateway({ maxRequests: 100 }, [USERS_ROUTE]);
    g.configurePipeline({
      balancer: { algorithm: 'round-robin', failures: 1, cooldownMs: 60_000 },
    });
    g.upstreams.configureService('user-service', { instances: 3, timeoutMs: 1000 });
    g.upstreams.setDown('user-service', 1, true);
    g.upstreams.scheduleFaults([
      { service: 'user-service', instance: 3, fromMs: 0, toMs: 10_000, failure: 'timeout' },
    ]);
    // 4 requests 1 ms apart: the failures of 2 and 3 are not back yet when the 4th is decided.
    const { traces, events } = simulate(g, spread(ALICE, 4, 0, 1000), { timing: TIMING });
    const forwardedTo = traces.map((t) =>
      t.events.find((e) => e.type === 'forwarded' && 'instance' in e),
    );
    expect(forwardedTo.map((e) => (e && 'instance' in e ? e.instance : null))).toEqual([
      'user-service-1',
      'user-service-2',
      'user-service-3',
      'user-service-1',
    ]);
    expect(traces.map((t) => t.decision.status)).toEqual([200, 502, 504, 200]);
    expect(kinds(traces[1] as RequestTrace).slice(-3)).toEqual([
      'forwarded',
      'failed',
      'responded',
    ]);
    expect(kinds(traces[2] as RequestTrace).slice(-3)).toEqual([
      'forwarded',
      'timed-out',
      'responded',
    ]);
    const timedOut = traces[2] as RequestTrace;
    const forwardedAt = timedOut.events.find((e) => e.type === 'forwarded')?.atMs as number;
    expect(timedOut.events.find((e) => e.type === 'timed-out')?.atMs).toBe(forwardedAt + 1000);
    for (let i = 1; i < events.length; i++)
      expect(events[i]?.atMs).toBeGreaterThanOrEqual(events[i - 1]?.atMs as number);
    // Later, both failures are back: only instance 1 is left.
    const sim = new Simulation(g, { timing: TIMING });
    sim.send(spread(ALICE, 3, 5000, 1000));
    expect(sim.runAll().map((t) => t.decision.upstream?.instance)).toEqual([
      'user-service-1',
      'user-service-1',
      'user-service-1',
    ]);
  });
});

describe('Simulation: methods', () => {
  it('a template without a method sends GET; a POST goes through as POST', () => {
    const post: RequestTemplate = { ...ALICE, method: 'POST' };
    const { traces } = simulate(gateway(), mix(burst(ALICE, 1, 0), burst(post, 1, 1)), {
      timing: TIMING,
    });
    expect(traces.map((t) => t.decision.method)).toEqual(['GET', 'POST']);
    expect(traces.map((t) => t.decision.forwarded?.method)).toEqual(['GET', 'POST']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SettingError } from '../errors';
import { answerReplicaQuestion, REPLICA_EXPERIMENT } from './experiment';
import { runScale, type ScaleSettings, type StoreStrategy } from './replicas';

const RUNS = { seed: 2026, numRuns: 300 } as const;

/**
 * The model written out directly: one loop over whole milliseconds. Each tick, the commands that
 * reach the store then are applied, sent-earlier first, then lower request number first. Needs
 * whole-ms arrivals and an even round trip of at least 2 ms (so every hop is whole ms and an INCR
 * never reaches the store in the tick its GET did).
 */
function naiveReplicas(
  settings: {
    replicas: number;
    maxRequests: number;
    windowMs: number;
    counters: 'local' | 'shared';
    strategy: StoreStrategy;
    roundTripMs: number;
  },
  arrivals: readonly number[],
): { replica: number[]; allowed: boolean[] } {
  const { replicas, maxRequests, windowMs, roundTripMs } = settings;
  const times = [...arrivals].sort((a, b) => a - b);
  const replica = times.map((_, i) => i % replicas);
  const windowOf = (t: number) => Math.floor(t / windowMs);
  const allowed = times.map(() => false);
  if (settings.counters === 'local') {
    const counts = Array.from({ length: replicas }, () => new Map<number, number>());
    times.forEach((t, i) => {
      const mine = counts[replica[i] as number] as Map<number, number>;
      const used = mine.get(windowOf(t)) ?? 0;
      if (used < maxRequests) {
        mine.set(windowOf(t), used + 1);
        allowed[i] = true;
      }
    });
    return { replica, allowed };
  }
  const half = roundTripMs / 2;
  const store = new Map<number, number>();
  const last = (times[times.length - 1] ?? 0) + 2 * roundTripMs;
  for (let tick = 0; tick <= last; tick++) {
    const arriving: { i: number; sentAt: number; command: 'GET' | 'INCR' }[] = [];
    times.forEach((t, i) => {
      if (t + half === tick) {
        arriving.push({ i, sentAt: t, command: settings.strategy === 'atomic' ? 'INCR' : 'GET' });
      }
      const incrAfterGet = settings.strategy === 'read-then-write' && allowed[i];
      if (incrAfterGet && t + roundTripMs + half === tick) {
        arriving.push({ i, sentAt: t + roundTripMs, command: 'INCR' });
      }
    });
    arriving.sort((a, b) => a.sentAt - b.sentAt || a.i - b.i);
    for (const { i, command } of arriving) {
      const key = windowOf(times[i] as number);
      const count = store.get(key) ?? 0;
      if (command === 'GET') {
        allowed[i] = count < maxRequests;
      } else {
        store.set(key, count + 1);
        if (settings.strategy === 'atomic') allowed[i] = count + 1 <= maxRequests;
      }
    }
  }
  return { replica, allowed };
}

function settingsFor(
  counters: 'local' | 'shared',
  strategy: StoreStrategy,
  replicas: number,
  roundTripMs: number,
  maxRequests = 5,
  windowMs = 60_000,
): ScaleSettings {
  return counters === 'local'
    ? { counters, replicas, maxRequests, windowMs }
    : { counters, strategy, storeRoundTripMs: roundTripMs, replicas, maxRequests, windowMs };
}

const arrivalsArb = fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 60 });

describe('runScale against a millisecond-by-millisecond simulation', () => {
  it('the same replica and the same decision for every request', () => {
    fc.assert(
      fc.property(
        fc.record({
          replicas: fc.integer({ min: 1, max: 8 }),
          maxRequests: fc.integer({ min: 1, max: 6 }),
          windowMs: fc.integer({ min: 100, max: 2000 }),
          counters: fc.constantFrom('local' as const, 'shared' as const),
          strategy: fc.constantFrom('read-then-write' as const, 'atomic' as const),
          roundTripMs: fc.integer({ min: 1, max: 20 }).map((n) => 2 * n),
        }),
        arrivalsArb,
        (s, arrivals) => {
          const result = runScale(
            settingsFor(
              s.counters,
              s.strategy,
              s.replicas,
              s.roundTripMs,
              s.maxRequests,
              s.windowMs,
            ),
            arrivals,
          );
          const expected = naiveReplicas(s, arrivals);
          expect(result.requests.map((r) => r.replica)).toEqual(expected.replica);
          expect(result.requests.map((r) => r.allowed)).toEqual(expected.allowed);
          const perReplica = Array.from(
            { length: s.replicas },
            (_, k) => expected.allowed.filter((a, i) => a && expected.replica[i] === k).length,
          );
          expect(result.admittedPerReplica).toEqual(perReplica);
          expect(result.admitted).toBe(expected.allowed.filter(Boolean).length);
        },
      ),
      RUNS,
    );
  });
});

describe('the failure modes, with figures', () => {
  const burstOf20 = Array.from({ length: 20 }, (_, i) => i * 100);

  it.each([
    [1, 5],
    [2, 10],
    [3, 15],
    [4, 20],
    [8, 20],
  ])('local counters, limit 5/min, %i replicas: %i of 20 pass (up to 5 × N)', (n, passed) => {
    const result = runScale(settingsFor('local', 'atomic', n, 0), burstOf20);
    expect(result.admitted).toBe(passed);
    expect(result.oneCounterAdmits).toBe(5);
    for (const perReplica of result.admittedPerReplica) expect(perReplica).toBeLessThanOrEqual(5);
  });

  it('read-then-write over-admits when arrivals are closer than the round trip', () => {
    // Ten requests 1 ms apart, a store 10 ms away: each GET arrives before any INCR.
    const close = Array.from({ length: 10 }, (_, i) => i);
    const result = runScale(settingsFor('shared', 'read-then-write', 3, 10), close);
    expect(result.admitted).toBe(10);
    expect(result.oneCounterAdmits).toBe(5);
    expect(result.requests.every((r) => r.trips[0]?.value === 0)).toBe(true);
  });

  it('read-then-write holds the limit when arrivals are at least a round trip apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }).map((n) => 2 * n),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (roundTripMs, extraGaps, replicas) => {
          let t = 0;
          const arrivals = extraGaps.map((gap) => (t += roundTripMs + gap));
          const result = runScale(
            settingsFor('shared', 'read-then-write', replicas, roundTripMs, 3, 1000),
            arrivals,
          );
          expect(result.admitted).toBe(result.oneCounterAdmits);
        },
      ),
      RUNS,
    );
  });

  it('an atomic increment never admits more than the limit in a window, whatever the timing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        (arrivals, roundTripMs, replicas) => {
          const result = runScale(
            settingsFor('shared', 'atomic', replicas, roundTripMs, 4, 1000),
            arrivals,
          );
          const perWindow = new Map<number, number>();
          for (const r of result.requests.filter((q) => q.allowed)) {
            const w = Math.floor(r.arrivedAtMs / 1000);
            perWindow.set(w, (perWindow.get(w) ?? 0) + 1);
          }
          for (const count of perWindow.values()) expect(count).toBeLessThanOrEqual(4);
          expect(result.admitted).toBe(result.oneCounterAdmits);
        },
      ),
      RUNS,
    );
  });

  it('with no store latency even read-then-write cannot race', () => {
    const atOnce = Array.from({ length: 10 }, () => 0);
    expect(runScale(settingsFor('shared', 'read-then-write', 3, 0), atOnce).admitted).toBe(5);
  });
});

describe('what the UI draws: store round trips', () => {
  it('read-then-write: a GET, then an INCR only if allowed, each a round trip', () => {
    const result = runScale(settingsFor('shared', 'read-then-write', 2, 10, 1), [0, 100]);
    const [first, second] = result.requests;
    expect(first).toMatchObject({ replica: 0, allowed: true, decidedAtMs: 10 });
    expect(first?.trips).toEqual([
      { command: 'GET', sentAtMs: 0, atStoreMs: 5, backAtMs: 10, windowStartMs: 0, value: 0 },
      { command: 'INCR', sentAtMs: 10, atStoreMs: 15, backAtMs: 20, windowStartMs: 0, value: 1 },
    ]);
    expect(second).toMatchObject({ replica: 1, allowed: false, decidedAtMs: 110 });
    expect(second?.trips).toEqual([
      { command: 'GET', sentAtMs: 100, atStoreMs: 105, backAtMs: 110, windowStartMs: 0, value: 1 },
    ]);
  });

  it('atomic: one INCR whose reply decides; refused requests are counted too', () => {
    const result = runScale(settingsFor('shared', 'atomic', 2, 4, 1), [0, 1]);
    expect(result.requests.map((r) => r.trips.map((t) => [t.command, t.value]))).toEqual([
      [['INCR', 1]],
      [['INCR', 2]],
    ]);
    expect(result.requests.map((r) => r.decidedAtMs)).toEqual([4, 5]);
  });

  it('local counters make no trips and decide on arrival', () => {
    const result = runScale(settingsFor('local', 'atomic', 2, 0), [0, 7]);
    expect(result.requests.map((r) => [r.trips.length, r.decidedAtMs])).toEqual([
      [0, 0],
      [0, 7],
    ]);
  });
});

describe('settings', () => {
  it.each([0, 9, 1.5])('refuses %s replicas with a SettingError for that field', (replicas) => {
    const build = () => runScale(settingsFor('local', 'atomic', replicas, 0), [0]);
    expect(build).toThrow(SettingError);
    expect(build).toThrow(/^replicas: /);
  });

  it('refuses a negative store latency and bad arrival times', () => {
    expect(() => runScale(settingsFor('shared', 'atomic', 1, -1), [0])).toThrow(
      /^storeRoundTripMs: /,
    );
    expect(() => runScale(settingsFor('local', 'atomic', 1, 0), [NaN])).toThrow(/^arrivalsMs: /);
  });
});

describe('the experiment: 20 requests, 3 replicas, 5 per minute', () => {
  it('local counters let 15 through (5 per replica), a shared store 5', () => {
    const answer = answerReplicaQuestion(REPLICA_EXPERIMENT);
    expect(answer.local.admitted).toBe(15);
    expect(answer.local.admittedPerReplica).toEqual([5, 5, 5]);
    expect(answer.shared.admitted).toBe(5);
    expect(answer.sharedReadThenWrite.admitted).toBe(5);
  });

  it('with arrivals inside the store latency, read-then-write lets more through', () => {
    const answer = answerReplicaQuestion({ ...REPLICA_EXPERIMENT, gapMs: 1, storeRoundTripMs: 10 });
    expect(answer.shared.admitted).toBe(5);
    expect(answer.sharedReadThenWrite.admitted).toBeGreaterThan(5);
  });
});

import { describe, expect, it } from 'vitest';
import { Gateway, Simulation, burst, type RequestTrace } from '../engine';
import { INITIAL_ROUTES } from '../content/services';
import { appendTraces, NO_OLDER_TRACES } from './traceWindow';
import { lowerBound, TraceTimes, upperBound, type TimeOf } from './traceTimes';

/** Every request's response, by status. */
const respondedByStatus: TimeOf<number> = (trace) => ({
  key: trace.decision.status,
  atMs: trace.respondedAtMs,
});

/** The same moments read from scratch, sorted. */
function fromScratch(traces: readonly RequestTrace[]): Map<number, number[]> {
  const times = new Map<number, number[]>();
  for (const trace of traces) {
    const entry = respondedByStatus(trace);
    if (entry === null) continue;
    times.set(entry.key, [...(times.get(entry.key) ?? []), entry.atMs]);
  }
  for (const list of times.values()) list.sort((a, b) => a - b);
  return times;
}

function snapshot(times: TraceTimes<number>): Map<number, number[]> {
  return new Map([...times.keys()].map((key) => [key, [...times.times(key)]]));
}

function playground(seed: number) {
  const simulation = new Simulation(new Gateway({ maxRequests: 7 }, INITIAL_ROUTES), { seed });
  const mobile = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };
  const lost = { clientId: 'mobile', apiKey: 'abc123', path: '/nowhere' };
  const nobody = { clientId: 'script', apiKey: null, path: '/api/users' };
  return (second: number) => {
    simulation.send(burst(mobile, 12, second * 1000));
    simulation.send(burst(lost, 3, second * 1000 + 5));
    simulation.send(burst(nobody, 2, second * 1000 + 9));
    return simulation.advanceTo(second * 1000 + 400);
  };
}

describe('TraceTimes', () => {
  it('follows a growing, trimmed list as if it read each list from scratch', () => {
    const decide = playground(3);
    const times = new TraceTimes(respondedByStatus);
    let traces: readonly RequestTrace[] = [];
    let older = NO_OLDER_TRACES;
    let trimmed = false;
    for (let second = 0; second < 12; second++) {
      // A small window, so old traces leave the list every few sends.
      ({ traces, olderTraces: older } = appendTraces(
        traces,
        older,
        decide(second),
        second * 1000 + 5000,
        30,
        10,
      ));
      trimmed ||= older.count > 0;
      expect(snapshot(times.follow(traces))).toEqual(fromScratch(traces));
    }
    expect(trimmed).toBe(true);
  });

  it('reads a list from another run from scratch', () => {
    const times = new TraceTimes(respondedByStatus);
    const first = playground(1)(0);
    times.follow(first);
    const other = playground(2)(0);
    expect(snapshot(times.follow(other))).toEqual(fromScratch(other));
    expect(snapshot(times.follow([]))).toEqual(new Map());
  });

  it('names the latest moment at or before a time, with its request', () => {
    const traces = playground(5)(0);
    const times = new TraceTimes(respondedByStatus).follow(traces);
    const refused = traces.filter((t) => t.decision.status === 429);
    const last = refused.reduce((a, b) => (b.respondedAtMs >= a.respondedAtMs ? b : a));
    expect(times.latest(429, Infinity)).toEqual({ atMs: last.respondedAtMs, id: last.id });
    expect(times.latest(429, -1)).toBeNull();
    expect(times.latest(999, Infinity)).toBeNull();
  });

  it('inserts a moment earlier than those it has in its place', () => {
    const traces = playground(4)(0);
    const reversed = new TraceTimes<string>((trace) => ({ key: 'all', atMs: -trace.id }));
    expect(reversed.follow(traces).times('all')).toEqual(traces.map((t) => -t.id).reverse());
  });
});

describe('binary searches', () => {
  it('count the times at or before, and before, a moment', () => {
    const times = [1, 2, 2, 5];
    expect([0, 1, 2, 4, 5, 9].map((ms) => upperBound(times, ms))).toEqual([0, 1, 3, 3, 4, 4]);
    expect([0, 1, 2, 4, 5, 9].map((ms) => lowerBound(times, ms))).toEqual([0, 0, 1, 3, 3, 4]);
  });
});

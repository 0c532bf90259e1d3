import { describe, expect, it } from 'vitest';
import { Gateway, Simulation, burst } from '../../engine';
import { INITIAL_ROUTES } from '../../content/services';
import { formatClock, formatWait, lastResponseMs, nextEventMs } from './timeline';

function run() {
  const simulation = new Simulation(new Gateway({}, INITIAL_ROUTES), { seed: 3 });
  simulation.send(burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, 2, 0));
  return simulation;
}

describe('nextEventMs', () => {
  it('steps to the next arrival when nothing is decided yet', () => {
    const simulation = run();
    expect(nextEventMs(simulation.traces, 0, simulation.nextArrivalMs)).toBe(300);
  });

  it('steps through every event of decided requests in time order', () => {
    const simulation = run();
    simulation.advanceTo(300);
    const all = simulation.traces
      .flatMap((t) => t.events.map((e) => e.atMs))
      .filter((t) => t > 300);
    const expected = [...new Set(all)].sort((a, b) => a - b);
    const seen: number[] = [];
    let clock = 300;
    for (;;) {
      const next = nextEventMs(simulation.traces, clock, simulation.nextArrivalMs);
      if (next === null) break;
      seen.push(next);
      clock = next;
    }
    expect(seen).toEqual(expected);
  });

  it('is null when everything is over', () => {
    const simulation = run();
    simulation.runAll();
    expect(nextEventMs(simulation.traces, lastResponseMs(simulation.traces), null)).toBeNull();
  });
});

describe('formatting', () => {
  it('shows the clock with two decimals and waits rounded up', () => {
    expect(formatClock(12_400)).toBe('t\u00a0=\u00a012.40\u00a0s');
    expect(formatWait(12_301)).toBe('12.4\u00a0s');
    expect(formatWait(0)).toBe('0.0\u00a0s');
  });
});

import { describe, expect, it } from 'vitest';
import { Gateway, Simulation, burst } from '../../engine';
import { INITIAL_ROUTES } from '../../content/services';
import { distinctSpots, sortedSpots, windowStrip } from './windowStrip';

function lessonBurst(algorithm: 'sliding-window-log' | 'fixed-window' | 'token-bucket') {
  const gateway = new Gateway({ algorithm }, INITIAL_ROUTES);
  const simulation = new Simulation(gateway, { seed: 1 });
  simulation.send(burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, 6, 1000));
  const traces = simulation.runAll();
  return { gateway, traces };
}

describe('windowStrip', () => {
  it('shows five allowed marks and the refused sixth inside the trailing window', () => {
    const { gateway, traces } = lessonBurst('sliding-window-log');
    const now = 11_300;
    const snap = gateway.getLimiter().snapshot('abc123', now);
    const strip = windowStrip('sliding-window-log', snap, 60_000, now, traces, 'abc123');
    expect(strip.kind).toBe('sliding');
    // Five allowed at one instant share one spot on a 60 s strip; the counts stay exact.
    expect(strip.allowed).toEqual([{ at: expect.closeTo(50 / 60) as number, count: 5 }]);
    expect(snap.marks).toHaveLength(5);
    expect(strip.refused).toHaveLength(1);
    expect(strip.refusedCount).toBe(1);
    expect(strip.now).toBe(1);
    // Arrived at 1,300 ms: 10 s before now, near the right end of a 60 s strip.
  });

  it('lets marks slide out of the window as the clock moves on', () => {
    const { gateway, traces } = lessonBurst('sliding-window-log');
    const later = 61_300;
    const snap = gateway.getLimiter().snapshot('abc123', later);
    const strip = windowStrip('sliding-window-log', snap, 60_000, later, traces, 'abc123');
    expect(strip.allowed).toHaveLength(0);
    expect(snap.remaining).toBe(5);
  });

  it('shows the current fixed window and where now is in it', () => {
    const { gateway, traces } = lessonBurst('fixed-window');
    const snap = gateway.getLimiter().snapshot('abc123', 30_000);
    const strip = windowStrip('fixed-window', snap, 60_000, 30_000, traces, 'abc123');
    expect(strip.kind).toBe('fixed');
    expect(strip.startMs).toBe(snap.windowStartMs);
    expect(strip.now).toBeCloseTo(0.5);
  });

  it('falls back to a gauge for buckets', () => {
    const { gateway, traces } = lessonBurst('token-bucket');
    const snap = gateway.getLimiter().snapshot('abc123', 2000);
    expect(windowStrip('token-bucket', snap, 60_000, 2000, traces, 'abc123').kind).toBe('gauge');
  });
});

describe('distinctSpots', () => {
  it('groups marks per spot with their count', () => {
    expect(distinctSpots([0.1, 0.1001, 0.5, 0.1])).toEqual([
      { at: 0.1, count: 3 },
      { at: 0.5, count: 1 },
    ]);
  });
});

describe('sortedSpots', () => {
  it('groups ascending times as distinctSpots does', () => {
    const times = [0, 0, 0, 1, 2, 2, 119, 120, 500, 500, 999, 1000];
    const at = (ms: number) => ms / 1000;
    expect(sortedSpots(times, 0, times.length, at)).toEqual(distinctSpots(times.map(at)));
    expect(sortedSpots(times, 3, 8, at)).toEqual(distinctSpots(times.slice(3, 8).map(at)));
    expect(sortedSpots(times, 4, 4, at)).toEqual([]);
  });
});

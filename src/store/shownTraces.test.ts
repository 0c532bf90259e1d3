import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { burst, Gateway, Simulation, type RequestTrace } from '../engine';
import { followTraces, type ShownTraces } from './shownTraces';
import { NO_OLDER_TRACES } from './traceWindow';

const TIMING = { quietMs: 40, maxWaitMs: 250, now: () => Date.now() };

const simulation = () => new Simulation(new Gateway());

function decided(count: number): RequestTrace[] {
  const run = simulation();
  run.send(burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, count, 0));
  return run.runAll();
}

describe('followTraces', () => {
  let source: StoreApi<ShownTraces>;

  beforeEach(() => {
    vi.useFakeTimers();
    source = createStore<ShownTraces>(() => ({
      traces: [],
      olderTraces: NO_OLDER_TRACES,
      simulation: simulation(),
    }));
  });
  afterEach(() => vi.useRealTimers());

  it('catches up once the traces stop changing, not on every change', () => {
    const shown = followTraces(source, TIMING);
    const all = decided(6);
    for (let n = 1; n <= 6; n++) {
      source.setState({ traces: all.slice(0, n) });
      vi.advanceTimersByTime(16);
    }
    expect(shown.getState().traces).toHaveLength(0);
    vi.advanceTimersByTime(40);
    expect(shown.getState().traces).toHaveLength(6);
  });

  it('still catches up every maxWaitMs while a long burst keeps changing them', () => {
    const shown = followTraces(source, TIMING);
    const all = decided(100);
    const seen: number[] = [];
    shown.subscribe((s) => seen.push(s.traces.length));
    for (let n = 1; n <= 60; n++) {
      source.setState({ traces: all.slice(0, n) });
      vi.advanceTimersByTime(16);
    }
    // 60 frames of 16 ms = 960 ms: caught up about every 250 ms, never on every frame.
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeLessThanOrEqual(4);
    vi.advanceTimersByTime(40);
    expect(shown.getState().traces).toHaveLength(60);
  });

  it('takes the traces and their simulation together, so a reset never pairs old traces with a new run', () => {
    const shown = followTraces(source, TIMING);
    source.setState({ traces: decided(3) });
    vi.advanceTimersByTime(40);
    const fresh = simulation();
    source.setState({ traces: [], simulation: fresh });
    expect(shown.getState().traces).toHaveLength(3);
    vi.advanceTimersByTime(40);
    expect(shown.getState()).toEqual({
      traces: [],
      olderTraces: NO_OLDER_TRACES,
      simulation: fresh,
    });
  });
});

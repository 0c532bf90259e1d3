import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createAppState } from '../../store';
import { fakeTimers } from './fakePaceTimers';
import { paceReadout, READOUT_INTERVAL_MS } from './readoutPace';

function setUp() {
  const store = create(createAppState);
  const timers = fakeTimers();
  const shown: number[] = [];
  const stop = paceReadout(
    store,
    (state, previous) => state.clockMs !== previous.clockMs,
    (state) => shown.push(state.clockMs),
    timers.pace,
  );
  return { store, timers, shown, stop };
}

describe('paceReadout', () => {
  it('shows the clock at once, and every change at once while it is not playing', () => {
    const { store, shown } = setUp();
    expect(shown).toEqual([0]);
    store.setState({ clockMs: 500 });
    store.setState({ clockMs: 520 });
    expect(shown).toEqual([0, 500, 520]);
  });

  it('while playing, shows at most one change per interval and ends on the true value', () => {
    const { store, timers, shown } = setUp();
    store.setState({ playing: true });
    // Frames every 16 ms for one second of real time, the clock moving with them.
    for (let frame = 1; frame <= 60; frame++) {
      timers.advance(16);
      store.setState({ clockMs: frame * 16 });
    }
    expect(shown.length).toBeGreaterThanOrEqual(960 / READOUT_INTERVAL_MS - 1);
    expect(shown.length).toBeLessThanOrEqual(960 / READOUT_INTERVAL_MS + 1);
    // The last change is shown once its interval is over, even with no frame after it.
    timers.advance(READOUT_INTERVAL_MS);
    expect(shown.at(-1)).toBe(960);
    expect(timers.pending()).toBe(0);
  });

  it('shows a pause at once, with the clock where it stopped', () => {
    const { store, timers, shown } = setUp();
    timers.advance(READOUT_INTERVAL_MS);
    store.setState({ playing: true });
    timers.advance(16);
    store.setState({ clockMs: 16 });
    timers.advance(16);
    store.setState({ clockMs: 32 });
    expect(shown.at(-1)).toBe(16);
    store.setState({ playing: false, clockMs: 40 });
    expect(shown.at(-1)).toBe(40);
    expect(timers.pending()).toBe(0);
  });

  it('stops showing once unsubscribed, with no timer left behind', () => {
    const { store, timers, shown, stop } = setUp();
    timers.advance(READOUT_INTERVAL_MS);
    store.setState({ playing: true });
    timers.advance(16);
    store.setState({ clockMs: 16 });
    store.setState({ clockMs: 32 });
    stop();
    timers.advance(READOUT_INTERVAL_MS);
    store.setState({ clockMs: 48 });
    expect(shown).toEqual([0, 16]);
    expect(timers.pending()).toBe(0);
  });
});

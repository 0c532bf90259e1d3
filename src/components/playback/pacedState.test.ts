import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createAppState } from '../../store';
import { fakeTimers } from './fakePaceTimers';
import { pacedState } from './pacedState';
import { READOUT_INTERVAL_MS } from './readoutPace';

function setUp() {
  const store = create(createAppState);
  const timers = fakeTimers();
  const paced = pacedState(store, timers.pace);
  return { store, timers, paced };
}

describe('pacedState', () => {
  it('reads the store itself while nothing listens', () => {
    const { store, paced } = setUp();
    store.setState({ clockMs: 500 });
    expect(paced.getState().clockMs).toBe(500);
  });

  it('tells every listener in the same call, at most once per interval while playing', () => {
    const { store, timers, paced } = setUp();
    const heard: [string, number][] = [];
    paced.subscribe(() => heard.push(['clock', paced.getState().clockMs]));
    paced.subscribe(() => heard.push(['quota', paced.getState().clockMs]));
    heard.length = 0;
    timers.advance(READOUT_INTERVAL_MS);
    store.setState({ playing: true });
    heard.length = 0;
    for (let frame = 1; frame <= 12; frame++) {
      timers.advance(16);
      store.setState({ clockMs: frame * 16 });
    }
    // 192 ms of frames: one showing at 100 ms, while the state moves on every frame.
    expect(heard).toEqual([
      ['clock', 96],
      ['quota', 96],
    ]);
    expect(paced.getState().clockMs).toBe(96);
    // The last change is shown once its interval is over.
    timers.advance(READOUT_INTERVAL_MS);
    expect(paced.getState().clockMs).toBe(192);
    expect(heard.at(-1)).toEqual(['quota', 192]);
  });

  it('shows a pause at once, and stops pacing when the last listener goes', () => {
    const { store, timers, paced } = setUp();
    const stop = paced.subscribe(() => {});
    timers.advance(READOUT_INTERVAL_MS);
    store.setState({ playing: true });
    timers.advance(16);
    store.setState({ clockMs: 16 });
    expect(paced.getState().clockMs).toBe(0);
    store.setState({ playing: false, clockMs: 40 });
    expect(paced.getState().clockMs).toBe(40);
    stop();
    expect(timers.pending()).toBe(0);
    store.setState({ clockMs: 80 });
    expect(paced.getState().clockMs).toBe(80);
  });
});

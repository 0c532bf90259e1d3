import { beforeEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { burst } from '../engine';
import { createAppState, useAppStore } from './index';
import { DECISIONS_PER_FRAME } from './playbackSlice';

const lesson = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };
const store = () => useAppStore.getState();

describe('playback', () => {
  beforeEach(() => {
    store().resetAll();
    store().setSpeed(1);
    store().setReducedMotion(false);
  });

  it('plays a send on the simulated clock: nothing is decided before arrival', async () => {
    await store().sendAndPlay(burst(lesson, 6, 0));
    expect(store().playing).toBe(true);
    store().tick(100);
    store().tick(100);
    expect(store().clockMs).toBe(200);
    expect(store().traces).toHaveLength(0);
    store().tick(100);
    expect(store().traces.map((t) => t.decision.status)).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('decides a 10,000 burst over several frames, holding the clock at the arrival until all are in', async () => {
    await store().sendAndPlay(burst(lesson, 10_000, 0));
    expect(store().simulation.pendingCount).toBe(10_000);
    for (let i = 0; i < 3; i++) store().tick(100);
    let frames = 1;
    while (store().traces.length < 10_000 && frames < 100) {
      // Nothing beyond the arrival is shown while requests arriving then are still undecided.
      expect(store().clockMs).toBe(300);
      expect(store().traces.length).toBeLessThanOrEqual(frames * DECISIONS_PER_FRAME);
      store().tick(100);
      frames++;
    }
    expect(frames).toBeGreaterThanOrEqual(10_000 / DECISIONS_PER_FRAME);
    expect(store().traces).toHaveLength(10_000);
    expect(store().traces.map((t) => t.id)).toEqual(
      Array.from({ length: 10_000 }, (_, i) => i + 1),
    );
    expect(store().traces.every((t) => t.arrivedAtMs === 300)).toBe(true);
    expect(store().traces.filter((t) => t.decision.status === 200)).toHaveLength(5);
    store().tick(100);
    expect(store().clockMs).toBeGreaterThan(300);
  });

  it('a held clock moves on to the next undecided arrival, not past it', async () => {
    await store().sendAndPlay([...burst(lesson, 1000, 0), ...burst(lesson, 1000, 50)]);
    for (let i = 0; i < 3; i++) store().tick(100);
    while (store().traces.length <= 1000) store().tick(100);
    // The first burst is in, the second (arriving at 350) only partly: the clock waits at 350.
    expect(store().simulation.pendingCount).toBeGreaterThan(0);
    expect(store().clockMs).toBe(350);
    while (store().simulation.pendingCount > 0) store().tick(100);
    expect(store().clockMs).toBe(450);
    expect(store().traces.map((t) => t.arrivedAtMs)).toEqual([
      ...Array<number>(1000).fill(300),
      ...Array<number>(1000).fill(350),
    ]);
  });

  it('with preparers running, the clock stands still and nothing is decided', async () => {
    let release = () => {};
    const waiting = new Promise<void>((resolve) => (release = resolve));
    store().setPreparer('slow', { prepare: () => waiting });
    const sent = store().sendAndPlay(burst(lesson, 6, 0));
    store().setPlaying(true);
    for (let i = 0; i < 5; i++) store().tick(100);
    expect(store().clockMs).toBe(0);
    release();
    await sent;
    store().setPreparer('slow', null);
    for (let i = 0; i < 3; i++) store().tick(100);
    expect(store().traces).toHaveLength(6);
  });

  it('with reduced motion shows every outcome at once, clock at the last response', async () => {
    store().setReducedMotion(true);
    await store().sendAndPlay(burst(lesson, 2000, 0));
    expect(store().traces).toHaveLength(2000);
    expect(store().playing).toBe(false);
    expect(store().clockMs).toBe(Math.max(...store().traces.map((t) => t.respondedAtMs)));
  });

  it('steps to the next event and pauses; jumps move the clock forward', async () => {
    await store().sendAndPlay(burst(lesson, 1, 0));
    store().stepToNextEvent();
    expect(store().playing).toBe(false);
    expect(store().clockMs).toBe(300);
    store().stepToNextEvent();
    expect(store().clockMs).toBe(500);
    store().jumpBy(10_000);
    expect(store().clockMs).toBe(10_500);
  });

  it('reset drops a half-decided burst', async () => {
    await store().sendAndPlay(burst(lesson, 5000, 0));
    for (let i = 0; i < 4; i++) store().tick(100);
    expect(store().traces.length).toBeGreaterThan(0);
    expect(store().simulation.pendingCount).toBeGreaterThan(0);
    store().resetAll();
    expect(store().simulation.pendingCount).toBe(0);
    expect(store().clockMs).toBe(0);
    for (let i = 0; i < 10; i++) store().tick(100);
    expect(store().traces).toHaveLength(0);
  });
});

describe('a long tick', () => {
  it('moves the clock by at most 100 ms of real time, or by the gap the caller allows', () => {
    const fresh = create(createAppState);
    fresh.getState().setPlaying(true);
    fresh.getState().setSpeed(2);
    fresh.getState().tick(5_000);
    expect(fresh.getState().clockMs).toBe(200);
    // The playback loop's quiet tick covers its whole wait (250 ms), capped a little above it.
    fresh.getState().tick(250, 350);
    expect(fresh.getState().clockMs).toBe(700);
    fresh.getState().tick(5_000, 350);
    expect(fresh.getState().clockMs).toBe(1_400);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { burst } from '../engine';
import { useAppStore } from './index';
import { SEND_BATCH } from './playbackSlice';

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

  it('hands a 10,000 burst over within a time budget per frame, holding the clock at the arrival until all are in', async () => {
    await store().sendAndPlay(burst(lesson, 10_000, 0));
    expect(store().backlogCount).toBe(10_000 - SEND_BATCH);
    for (let i = 0; i < 3; i++) store().tick(100);
    let frames = 0;
    while (store().traces.length < 10_000 && frames < 100) {
      expect(store().clockMs).toBeLessThanOrEqual(300);
      store().tick(100);
      frames++;
    }
    // Spread over several frames by the per-frame time budget, not decided in one go.
    expect(frames).toBeGreaterThan(1);
    expect(store().traces).toHaveLength(10_000);
    expect(store().traces.every((t) => t.arrivedAtMs === 300)).toBe(true);
    expect(store().traces.filter((t) => t.decision.status === 200)).toHaveLength(5);
    store().tick(100);
    expect(store().clockMs).toBeGreaterThan(300);
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

  it('reset drops a half-sent backlog', async () => {
    await store().sendAndPlay(burst(lesson, 5000, 0));
    store().resetAll();
    expect(store().backlogCount).toBe(0);
    for (let i = 0; i < 10; i++) store().tick(100);
    expect(store().traces).toHaveLength(0);
  });
});

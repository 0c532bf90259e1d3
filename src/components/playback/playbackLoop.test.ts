import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { burst } from '../../engine';
import { createAppState } from '../../store';
import { QUIET_TICK_MS, startPlaybackLoop, type LoopScheduler } from './playbackLoop';

/** Frames every 16 ms, timers on a fake clock and tasks posted after a frame, run by hand. */
function fakeTimers() {
  let nowMs = 0;
  let nextId = 1;
  const frames = new Map<number, (nowMs: number) => void>();
  const timers = new Map<number, { atMs: number; callback: () => void }>();
  const posted: (() => void)[] = [];
  const scheduler: LoopScheduler = {
    requestFrame: (callback) => {
      frames.set(nextId, callback);
      return nextId++;
    },
    cancelFrame: (id) => frames.delete(id),
    setTimer: (callback, ms) => {
      timers.set(nextId, { atMs: nowMs + ms, callback });
      return nextId++ as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimer: (id) => timers.delete(id as unknown as number),
    postTask: (callback) => posted.push(callback),
  };
  /** 16 ms on: timers when due, then a frame (without the tasks it posts). */
  const frame = () => {
    nowMs += 16;
    for (const [id, timer] of [...timers]) {
      if (timer.atMs > nowMs) continue;
      timers.delete(id);
      timer.callback();
    }
    const due = [...frames];
    frames.clear();
    for (const [, callback] of due) callback(nowMs);
  };
  const runPosted = () => {
    while (posted.length > 0) posted.shift()?.();
  };
  /** Runs `ms` of real time: a frame every 16 ms, the tasks it posted, timers when due. */
  const run = (ms: number) => {
    const until = nowMs + ms;
    while (nowMs < until) {
      frame();
      runPosted();
    }
  };
  return {
    scheduler,
    run,
    frame,
    runPosted,
    now: () => nowMs,
    scheduled: () => frames.size + timers.size + posted.length,
  };
}

const lesson = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };

describe('the playback loop', () => {
  it('plays a send at the chosen speed, then ticks a few times a second with nothing in flight', async () => {
    const store = create(createAppState);
    const timers = fakeTimers();
    const stop = startPlaybackLoop(store, timers.scheduler);
    expect(timers.scheduled()).toBe(0);
    store.getState().setSpeed(2);
    await store.getState().sendAndPlay(burst(lesson, 6, 0));
    let ticks = 0;
    store.subscribe((state, previous) => {
      if (state.clockMs !== previous.clockMs) ticks++;
    });
    timers.run(2_000);
    expect(store.getState().traces).toHaveLength(6);
    expect(store.getState().simulation.lastResponseMs).toBeLessThan(store.getState().clockMs);
    // Every frame while packets move; after that, one tick per quiet wait.
    ticks = 0;
    const before = store.getState().clockMs;
    const startedMs = timers.now();
    timers.run(5_000);
    const realMs = timers.now() - startedMs;
    expect(ticks).toBeLessThanOrEqual(Math.ceil(realMs / QUIET_TICK_MS));
    // Simulated time runs at twice the real time, give or take one wait at either end.
    const simulatedMs = store.getState().clockMs - before;
    expect(simulatedMs).toBeGreaterThan(2 * (realMs - QUIET_TICK_MS - 16));
    expect(simulatedMs).toBeLessThanOrEqual(2 * (realMs + QUIET_TICK_MS + 16));
    // Only ever one loop: one thing scheduled at a time.
    expect(timers.scheduled()).toBe(1);
    stop();
    expect(timers.scheduled()).toBe(0);
  });

  it('wakes from a quiet wait when something is sent, and schedules nothing once paused', async () => {
    const store = create(createAppState);
    const timers = fakeTimers();
    startPlaybackLoop(store, timers.scheduler);
    store.getState().setPlaying(true);
    timers.run(100);
    const sentAtMs = store.getState().clockMs;
    await store.getState().sendAndPlay(burst(lesson, 1, sentAtMs));
    // The next frame ticks: the request is decided on arrival, 300 ms later, not a wait later.
    timers.run(16);
    const ticked = store.getState().clockMs;
    expect(ticked).toBeGreaterThan(sentAtMs);
    timers.run(16);
    expect(store.getState().clockMs).toBeGreaterThan(ticked);
    store.getState().setPlaying(false);
    expect(timers.scheduled()).toBe(0);
    const paused = store.getState().clockMs;
    timers.run(1_000);
    expect(store.getState().clockMs).toBe(paused);
    expect(timers.scheduled()).toBe(0);
  });

  it('ticks in a task of its own after the frame, and not at all once paused in between', async () => {
    const store = create(createAppState);
    const timers = fakeTimers();
    startPlaybackLoop(store, timers.scheduler);
    await store.getState().sendAndPlay(burst(lesson, 3, 0));
    timers.run(32);
    const before = store.getState().clockMs;
    expect(before).toBeGreaterThan(0);
    // The frame only reads its time; the clock moves in the task it posted.
    timers.frame();
    expect(store.getState().clockMs).toBe(before);
    timers.runPosted();
    expect(store.getState().clockMs).toBe(before + 16);
    // Paused between a frame and its tick: the tick does nothing and schedules nothing.
    timers.frame();
    store.getState().setPlaying(false);
    timers.runPosted();
    expect(store.getState().clockMs).toBe(before + 16);
    expect(timers.scheduled()).toBe(0);
    // Played again at once: one loop, not the old one too.
    store.getState().setPlaying(true);
    timers.frame();
    store.getState().setPlaying(false);
    store.getState().setPlaying(true);
    timers.runPosted();
    expect(timers.scheduled()).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { burst } from '../engine';
import { countByStatus } from '../components/log/statusCounts';
import { createAppState } from './index';

const mobile = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };

function freshStore() {
  return create(createAppState);
}

/** Plays the clock in 16 ms frames, as the animation loop does. */
function playTo(store: ReturnType<typeof freshStore>, toMs: number) {
  store.getState().setPlaying(true);
  while (store.getState().clockMs < toMs)
    store.getState().tick(Math.min(16, toMs - store.getState().clockMs));
  store.getState().setPlaying(false);
}

const counts = (store: ReturnType<typeof freshStore>) => countByStatus(store.getState().traces);

describe('rewind in the store', () => {
  it('scrubbing back and forward gives the counters that playing gave', async () => {
    const store = freshStore();
    await store.getState().sendTraffic(burst(mobile, 6, 0));
    playTo(store, 3_000);
    store.getState().applySettings({ maxRequests: 7 });
    await store.getState().sendTraffic(burst(mobile, 3, 3_000));
    playTo(store, 4_000);
    const atEnd = counts(store);
    expect(atEnd[429]).toBeGreaterThan(0);

    store.getState().rewindTo(100);
    expect(store.getState().traces).toHaveLength(0);
    store.getState().rewindTo(1_000);
    expect(counts(store)).toMatchObject({ 200: 5, 429: 1 });
    expect(store.getState().settings.maxRequests).toBe(5);
    store.getState().rewindTo(4_000);
    expect(counts(store)).toEqual(atEnd);
    expect(store.getState().settings.maxRequests).toBe(7);
  });

  it('playing on from a rewound moment replays the recorded future at its own time', async () => {
    const store = freshStore();
    await store.getState().sendTraffic(burst(mobile, 2, 0));
    playTo(store, 2_000);
    await store.getState().sendTraffic(burst(mobile, 5, 2_000));
    playTo(store, 5_000);
    const statuses = store.getState().traces.map((t) => t.decision.status);
    store.getState().rewindTo(500);
    playTo(store, 5_000);
    expect(store.getState().traces.map((t) => t.decision.status)).toEqual(statuses);
  });

  it('steps back to the previous event, and undo takes back a send or a setting', async () => {
    const store = freshStore();
    await store.getState().sendTraffic(burst(mobile, 6, 0));
    playTo(store, 3_000);
    store.getState().stepBack();
    const back = store.getState().clockMs;
    expect(back).toBeLessThan(3_000);
    expect(back).toBeGreaterThan(0);
    store.getState().rewindTo(3_000);
    store.getState().applySettings({ maxRequests: 9 });
    store.getState().undo();
    expect(store.getState().settings.maxRequests).toBe(5);
    expect(counts(store)[200]).toBe(5);
    store.getState().undo();
    expect(store.getState().traces).toHaveLength(0);
    expect(store.getState().clockMs).toBe(3_000);
  });

  it('stops rewinding once learner code answers for the gateway, until Reset', async () => {
    const store = freshStore();
    await store.getState().sendTraffic(burst(mobile, 1, 0));
    store.getState().setRouteLookup(() => null);
    playTo(store, 1_000);
    store.getState().rewindTo(0);
    expect(store.getState().clockMs).toBe(1_000);
    expect(store.getState().history.stoppedBecause).toMatch(/your code/);
    store.getState().setRouteLookup(null);
    store.getState().resetPlayground();
    expect(store.getState().history.stoppedBecause).toBeNull();
  });
});

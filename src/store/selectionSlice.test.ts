import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { burst, spread } from '../engine';
import { createAppState } from './index';
import { keptRequest } from './traceWindow';

const mobile = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };

function freshStore() {
  return create(createAppState);
}

describe('the selection shared by the graph and the log', () => {
  it('opens a request, toggles it shut from its row, and switches to a node', async () => {
    const store = freshStore();
    await store.getState().sendTraffic(burst(mobile, 6, 0));
    store.getState().advanceClock(1_000);
    store.getState().select({ kind: 'request', id: 6, among: 3 });
    expect(store.getState().selection).toEqual({ kind: 'request', id: 6, among: 3 });
    // The same request's row closes it; another row opens that one.
    store.getState().toggleRequest(6);
    expect(store.getState().selection).toBeNull();
    store.getState().toggleRequest(2);
    expect(store.getState().selection).toEqual({ kind: 'request', id: 2, among: 1 });
    store.getState().select({ kind: 'stage', stage: 'rate-limit' });
    expect(store.getState().selection).toEqual({ kind: 'stage', stage: 'rate-limit' });
  });

  it('Reset closes an open request, so a new #6 does not open by itself', async () => {
    const store = freshStore();
    await store.getState().sendTraffic(burst(mobile, 6, 0));
    store.getState().advanceClock(1_000);
    store.getState().toggleRequest(6);
    store.getState().resetPlayground();
    expect(store.getState().selection).toBeNull();
    await store.getState().sendTraffic(burst(mobile, 6, 0));
    store.getState().advanceClock(1_000);
    expect(store.getState().selection).toBeNull();
  });

  it('Reset keeps an open node: the node is still there', () => {
    const store = freshStore();
    store.getState().select({ kind: 'client', clientId: 'mobile' });
    store.getState().resetPlayground();
    expect(store.getState().selection).toEqual({ kind: 'client', clientId: 'mobile' });
  });

  it('undo closes an open request: the requests left may be numbered differently', async () => {
    const store = freshStore();
    await store.getState().sendTraffic(burst(mobile, 3, 0));
    store.getState().advanceClock(1_000);
    store.getState().toggleRequest(3);
    store.getState().undo();
    expect(store.getState().selection).toBeNull();
  });

  it('keeps a decided request across a new send, closes one not decided yet', async () => {
    const store = freshStore();
    await store.getState().sendTraffic(spread(mobile, 4, 0, 1));
    store.getState().advanceClock(1_500);
    store.getState().toggleRequest(1);
    await store.getState().sendTraffic(burst(mobile, 2, 1_500));
    expect(store.getState().selection).toEqual({ kind: 'request', id: 1, among: 1 });
    // Rewound to before request 3 arrived, a new send may arrive first and take its number.
    store.getState().select({ kind: 'request', id: 3, among: 1 });
    store.getState().rewindTo(200);
    expect(store.getState().selection).toEqual({ kind: 'request', id: 3, among: 1 });
    expect(keptRequest(store.getState(), 3).kind).toBe('undecided');
    await store.getState().sendTraffic(burst(mobile, 1, 200));
    expect(store.getState().selection).toBeNull();
  });
});

describe('keptRequest', () => {
  it('finds a request by id in the window, or says it is summarised or not decided', async () => {
    const store = freshStore();
    await store.getState().sendTraffic(burst(mobile, 4, 0));
    store.getState().advanceClock(1_000);
    const state = store.getState();
    const kept = keptRequest(state, 4);
    expect(kept.kind === 'full' && kept.trace.id).toBe(4);
    expect(keptRequest(state, 5).kind).toBe('undecided');
    const summarised = { ...state, olderTraces: { ...state.olderTraces, count: 10 } };
    const shifted = state.traces.map((trace) => ({ ...trace, id: trace.id + 10 }));
    expect(keptRequest({ ...summarised, traces: shifted }, 3).kind).toBe('summarised');
    expect(keptRequest({ ...summarised, traces: shifted }, 12).kind).toBe('full');
  });
});

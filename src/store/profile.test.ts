import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { burst } from '../engine';
import { DEFAULT_TRAFFIC_FORM } from '../store/trafficFormSlice';
import { decodeScenario, encodeScenario, scenarioOf } from '../share/scenario';
import { createAppState } from './index';

const keyless = { clientId: 'mobile', apiKey: null, path: '/nope' };

describe('the gateway profile in the store', () => {
  it('switching to Kong changes the answers and the algorithm, and is recorded for rewind', async () => {
    const store = create(createAppState);
    await store.getState().sendTraffic(burst(keyless, 1, 0));
    store.getState().advanceClock(1_000);
    expect(store.getState().traces.at(-1)?.decision.status).toBe(401);

    expect(store.getState().setProfile('kong')).toBeNull();
    expect(store.getState().settings.algorithm).toBe('fixed-window');
    expect(
      store
        .getState()
        .gateway.stages()
        .map((s) => s.name),
    ).toEqual(['router', 'auth', 'rate-limit']);
    await store.getState().sendTraffic(burst(keyless, 1, 1_000));
    store.getState().advanceClock(2_000);
    const kong = store.getState().traces.at(-1)?.decision;
    expect([kong?.status, kong?.body]).toEqual([
      404,
      '{"message":"no Route matched with those values"}',
    ]);
    expect(store.getState().history.actions.map((a) => a.kind)).toEqual([
      'send',
      'profile',
      'send',
    ]);

    store.getState().rewindTo(500);
    expect(store.getState().profile).toBe('lesson');
    store.getState().rewindTo(2_000);
    expect(store.getState().profile).toBe('kong');
    expect(store.getState().traces.map((t) => t.decision.status)).toEqual([401, 404]);
  });

  it('a real gateway keeps its own algorithm and windows; the problem is named', () => {
    const store = create(createAppState);
    store.getState().setProfile('kong');
    expect(store.getState().applySettings({ algorithm: 'token-bucket' })?.setting).toBe(
      'algorithm',
    );
    expect(store.getState().applySettings({ windowMs: 90_000 })?.setting).toBe('windowMs');
    expect(store.getState().settings.windowMs).toBe(60_000);
    store.getState().applySettings({ maxRequests: 7 });
    expect(store.getState().settings.maxRequests).toBe(7);
  });

  it('a share link carries the profile, at the start and as an action', () => {
    const store = create(createAppState);
    store.getState().setProfile('aws');
    store.getState().resetPlayground(); // the recording now starts under AWS
    store.getState().setProfile('nginx');
    const state = store.getState();
    const link = encodeScenario(scenarioOf(state.history, state, DEFAULT_TRAFFIC_FORM, null));
    const back = decodeScenario(link.value);
    expect(back.start.profile).toBe('aws');
    expect(back.actions).toEqual([{ kind: 'profile', atMs: 0, profile: 'nginx' }]);
  });
});

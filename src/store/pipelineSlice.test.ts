import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { burst, spread } from '../engine';
import { decodeScenario, encodeScenario, scenarioOf } from '../share/scenario';
import { createAppState } from './index';
import { instancesOf, PIPELINE_DEFAULTS, PIPELINE_OFF } from './pipeline';
import { emptyHistory, rebuildAt } from './rewind';

const mobile = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };
const withCache = { ...PIPELINE_OFF, cache: PIPELINE_DEFAULTS.cache };
const balanced = {
  ...PIPELINE_OFF,
  balancer: PIPELINE_DEFAULTS.balancer,
  instances: 3,
};

function freshStore() {
  return create(createAppState);
}

describe('the pipeline in the store', () => {
  it('turns stages on through a recorded action; the graph reads them from the engine', () => {
    const store = freshStore();
    expect(store.getState().applyPipelineConfig(withCache)).toBeNull();
    const names = store
      .getState()
      .gateway.stages()
      .map((s) => s.name);
    expect(names).toContain('cache');
    expect(store.getState().pipeline).toEqual(withCache);
    expect(store.getState().history.actions.at(-1)?.kind).toBe('pipeline');
  });

  it('refuses a bad parameter by field, applying nothing and recording nothing', () => {
    const store = freshStore();
    const problem = store.getState().applyPipelineConfig({ ...PIPELINE_OFF, cache: { ttlMs: 0 } });
    expect(problem?.setting).toBe('ttlMs');
    const tooMany = store.getState().applyPipelineConfig({ ...balanced, instances: 99 });
    expect(tooMany?.setting).toBe('instances');
    expect(store.getState().pipeline).toEqual(PIPELINE_OFF);
    expect(
      store
        .getState()
        .gateway.stages()
        .map((s) => s.name),
    ).not.toContain('cache');
    expect(store.getState().history.actions).toHaveLength(0);
  });

  it('takes an instance down and up again, and rewind and undo replay it', async () => {
    const store = freshStore();
    store.getState().applyPipelineConfig(balanced);
    expect(store.getState().gateway.upstreams.instanceCount('user-service')).toBe(3);
    expect(store.getState().setInstanceDown('user-service', 1, true)).toBeNull();
    expect(store.getState().downInstances).toEqual(['user-service-2']);
    await store.getState().sendTraffic(spread(mobile, 3, 0, 10));
    store.getState().advanceClock(5_000);
    const failed = store
      .getState()
      .traces.filter((t) => t.decision.upstream?.instance === 'user-service-2');
    expect(failed.map((t) => t.decision.status)).toEqual([502]);

    store.getState().rewindTo(2_000);
    expect(store.getState().downInstances).toEqual(['user-service-2']);
    store.getState().rewindTo(5_000);
    expect(store.getState().traces.map((t) => t.decision.status)).toContain(502);

    store.getState().undo(); // the send
    store.getState().undo(); // the instance going down
    expect(store.getState().downInstances).toEqual([]);
    expect(store.getState().pipeline).toEqual(balanced);
  });

  it('keeps the stages on Reset and brings every instance back up', () => {
    const store = freshStore();
    store.getState().applyPipelineConfig(balanced);
    store.getState().setInstanceDown('user-service', 0, true);
    store.getState().resetPlayground();
    expect(store.getState().pipeline).toEqual(balanced);
    expect(store.getState().downInstances).toEqual([]);
    expect(
      store
        .getState()
        .gateway.stages()
        .map((s) => s.name),
    ).toContain('balancer');
    expect(store.getState().history.start.pipeline).toEqual(balanced);
  });

  it('travels in a shared link: stages, instances, methods and the start', async () => {
    const store = freshStore();
    store.getState().applyPipelineConfig(withCache);
    store.getState().resetPlayground();
    store.getState().applyPipelineConfig({ ...withCache, ...balanced, cache: withCache.cache });
    store.getState().setInstanceDown('user-service', 2, true);
    await store
      .getState()
      .sendTraffic([...burst(mobile, 2, 0), ...burst({ ...mobile, method: 'POST' }, 1, 0)]);
    store.getState().advanceClock(3_000);
    const state = store.getState();
    const scenario = scenarioOf(state.history, state, state.trafficForm, null);
    const decoded = decodeScenario(encodeScenario(scenario).value);
    expect(decoded).toEqual(scenario);
    const back = { ...emptyHistory({ ...decoded.start, seed: 2024 }), actions: decoded.actions };
    const rebuilt = rebuildAt(back, 3_000);
    expect(rebuilt.traces.map((t) => [t.decision.method, t.decision.status])).toEqual(
      state.traces.map((t) => [t.decision.method, t.decision.status]),
    );
    expect(rebuilt.downInstances).toEqual(['user-service-3']);
  });

  describe('instances per service', () => {
    const ownCounts = {
      ...balanced,
      instances: 2,
      serviceInstances: { 'order-service': 5, 'payment-service': 1 },
    };

    it('runs each service with its own count, and reads the gateway back the same way', () => {
      const store = freshStore();
      expect(store.getState().applyPipelineConfig(ownCounts)).toBeNull();
      const { upstreams } = store.getState().gateway;
      expect(upstreams.instanceCount('user-service')).toBe(2);
      expect(upstreams.instanceCount('order-service')).toBe(5);
      expect(upstreams.instanceCount('payment-service')).toBe(1);
      expect(instancesOf(store.getState().pipeline, 'notification-service')).toBe(2);
      store.getState().rewindTo(0);
      expect(store.getState().pipeline).toEqual(ownCounts);
    });

    it('refuses a bad count by its service, applying and recording nothing', () => {
      const store = freshStore();
      const problem = store.getState().applyPipelineConfig({
        ...ownCounts,
        serviceInstances: { 'order-service': 6 },
      });
      expect(problem?.setting).toBe('instances:order-service');
      const unknown = store.getState().applyPipelineConfig({
        ...ownCounts,
        serviceInstances: { billing: 2 },
      });
      expect(unknown?.setting).toBe('instances');
      expect(store.getState().pipeline).toEqual(PIPELINE_OFF);
      expect(store.getState().history.actions).toHaveLength(0);
    });

    it('rewind and undo replay a change of one service’s count', async () => {
      const store = freshStore();
      store.getState().applyPipelineConfig(balanced);
      await store.getState().sendTraffic(burst(mobile, 2, 0));
      store.getState().advanceClock(2_000);
      store
        .getState()
        .applyPipelineConfig({ ...balanced, serviceInstances: { 'user-service': 1 } });
      store.getState().advanceClock(4_000);
      store.getState().rewindTo(1_000);
      expect(store.getState().gateway.upstreams.instanceCount('user-service')).toBe(3);
      store.getState().rewindTo(4_000);
      expect(store.getState().gateway.upstreams.instanceCount('user-service')).toBe(1);
      expect(store.getState().gateway.upstreams.instanceCount('order-service')).toBe(3);
      store.getState().undo();
      expect(store.getState().pipeline).toEqual(balanced);
      expect(store.getState().gateway.upstreams.instanceCount('user-service')).toBe(3);
    });

    it('travels in a shared link, and a link from before reads as every service the same', () => {
      const store = freshStore();
      store.getState().applyPipelineConfig(ownCounts);
      const state = store.getState();
      const scenario = scenarioOf(state.history, state, state.trafficForm, null);
      const decoded = decodeScenario(encodeScenario(scenario).value);
      expect(decoded.actions).toEqual(scenario.actions);
      const before = decodeScenario(
        encodeScenario({
          ...scenario,
          actions: [{ kind: 'pipeline', atMs: 0, pipeline: { ...balanced, instances: 4 } }],
        }).value,
      );
      const rebuilt = rebuildAt(
        { ...emptyHistory(state.history.start), actions: before.actions },
        0,
      );
      for (const service of ['user-service', 'order-service'])
        expect(rebuilt.gateway.upstreams.instanceCount(service)).toBe(4);
    });
  });
});

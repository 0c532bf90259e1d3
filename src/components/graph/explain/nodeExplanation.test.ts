import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { burst, PROFILE_NAMES, spread } from '../../../engine';
import { CLIENTS, SERVICES } from '../../../content/services';
import { createAppState } from '../../../store';
import { EVERY_STAGE as everyStage } from '../../../store/pipeline.fixture';
import { TRACE_WINDOW } from '../../../store/traceWindow';
import { explainClient, explainService, explainStage, type ExplainInput } from './nodeExplanation';

const mobile = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };

function freshStore() {
  return create(createAppState);
}

/** The store as the explanations read it, with the traces shown as they are now. */
function input(store: ReturnType<typeof freshStore>): ExplainInput {
  const state = store.getState();
  return { ...state, shownTraces: state.traces, shownOlder: state.olderTraces };
}

describe('node explanations', () => {
  it.each(PROFILE_NAMES)(
    'explain every stage the engine runs under %s, in its words and place',
    async (profile) => {
      const store = freshStore();
      expect(store.getState().setProfile(profile)).toBeNull();
      expect(store.getState().applyPipelineConfig(everyStage)).toBeNull();
      await store.getState().sendTraffic(burst(mobile, 3, 0));
      store.getState().advanceClock(10_000);
      const stages = store.getState().gateway.stages();
      expect(stages.length).toBeGreaterThan(3);
      stages.forEach((info, i) => {
        const explained = explainStage(input(store), info.name);
        expect(explained.heading).toBe(info.label);
        expect(explained.does).toBe(info.description);
        expect(explained.does).not.toBe('');
        expect(explained.role).toBe(`Stage ${i + 1} of ${stages.length} in the gateway`);
        expect(explained.facts.length, info.name).toBeGreaterThan(0);
        // Every stage saw the first request (a 200 passes them all).
        expect(explained.decided, info.name).toMatch(/\d+ (passed|refused|answered)/);
        expect(explained.latest, info.name).toMatch(/^Request #\d+ /);
      });
    },
  );

  it('the rate limit: its quota per key and next slot, its verdicts, its latest with the note', async () => {
    const store = freshStore();
    await store.getState().sendTraffic(burst(mobile, 6, 0));
    store.getState().advanceClock(5_000);
    const explained = explainStage(input(store), 'rate-limit');
    expect(explained.facts).toContainEqual({
      label: 'Set to',
      value: '5 per 60 s, Sliding window (log)',
    });
    const quota = explained.facts.find((f) => f.label === 'Mobile app (abc123)');
    expect(quota?.value).toMatch(/^0 of 5 left · next in 55\.\d\u00a0s$/);
    expect(explained.facts.map((f) => f.label)).not.toContain('Anonymous script (no key)');
    expect(explained.decided).toBe('5 passed, 1 refused');
    expect(explained.latest).toMatch(
      /^Request #6 refused at t\u00a0=\u00a00\.70\u00a0s: limit of 5 reached; retry in 60 s\.$/,
    );
  });

  it('counts a verdict once its packet shows it on the graph, not before', async () => {
    const store = freshStore();
    await store.getState().sendTraffic(burst(mobile, 6, 0));
    store.getState().advanceClock(600);
    // All six are decided on arrival (300 ms), but none has reached Rate limit's verdict yet.
    expect(store.getState().traces).toHaveLength(6);
    expect(explainStage(input(store), 'rate-limit').decided).toBe(
      'Nothing yet: no request has reached it.',
    );
    expect(explainStage(input(store), 'auth').decided).toBe('6 passed');
  });

  it('a stage that is off says so and where to turn it on', () => {
    const store = freshStore();
    const explained = explainStage(input(store), 'cache');
    expect(explained.role).toBe('Off in this gateway: turn it on in the Pipeline panel');
    expect(explained.does).not.toBe('');
  });

  it('keeps counting requests the trace window summarised', async () => {
    const store = freshStore();
    store.getState().applySettings({ maxRequests: 1 });
    // More than the window: the oldest leave it once they are back.
    await store.getState().sendTraffic(spread(mobile, TRACE_WINDOW + 2_500, 0, 1000));
    store.getState().advanceClock(30_000);
    expect(store.getState().olderTraces.count).toBeGreaterThan(0);
    const explained = explainStage(input(store), 'rate-limit');
    expect(explained.decided).toBe(`1 passed, ${TRACE_WINDOW + 2_499} refused`);
    const client = explainClient(input(store), 'mobile');
    expect(client.decided).toBe(`1 × 200 OK, ${TRACE_WINDOW + 2_499} × 429 Too Many Requests`);
  });

  it('a client: its key, what Auth makes of it, its quota and what its requests got', async () => {
    const store = freshStore();
    await store.getState().sendTraffic(burst(mobile, 6, 0));
    await store
      .getState()
      .sendTraffic(burst({ ...mobile, clientId: 'script', apiKey: null }, 1, 0));
    store.getState().advanceClock(5_000);
    const app = explainClient(input(store), 'mobile');
    expect(app.does).toContain('abc123');
    expect(app.does).toContain('X-API-Key');
    expect(app.facts).toContainEqual({ label: 'At Auth', value: 'known: it passes' });
    expect(app.facts.find((f) => f.label === 'Quota')?.value).toMatch(/^0 of 5 left/);
    expect(app.decided).toBe('5 × 200 OK, 1 × 429 Too Many Requests');
    expect(app.latest).toMatch(/^Request #\d+ to \/api\/users: /);
    const script = explainClient(input(store), 'script');
    expect(script.facts).toContainEqual({ label: 'At Auth', value: 'no key: refused with 401' });
    expect(script.decided).toBe('1 × 401 Unauthorized');
    for (const client of CLIENTS)
      expect(explainClient(input(store), client.id).heading).toBe(client.label);
  });

  it('a service: its routes, and each instance up, down or ejected with what it served and failed', async () => {
    const store = freshStore();
    store.getState().applySettings({ maxRequests: 100 });
    store.getState().applyPipelineConfig({
      ...everyStage,
      cache: null,
      serviceInstances: { 'order-service': 1 },
    });
    store.getState().setInstanceDown('user-service', 1, true);
    await store.getState().sendTraffic(spread(mobile, 9, 0, 5));
    store.getState().advanceClock(8_000);
    const users = explainService(input(store), 'user-service');
    expect(users.facts).toContainEqual({ label: 'Routes to it', value: '/api/users (exact)' });
    expect(users.facts).toContainEqual({ label: 'Instances', value: '3, load balanced' });
    expect(users.instances).toEqual([
      { name: 'user-service-1', state: 'up', served: 3, failed: 0 },
      { name: 'user-service-2', state: 'down, ejected', served: 0, failed: 3 },
      { name: 'user-service-3', state: 'up', served: 3, failed: 0 },
    ]);
    expect(users.decided).toBe('6 served, 3 failed (refused, 5xx or timed out)');
    expect(users.latest).toMatch(/^Request #9 served by user-service-[13] /);
    expect(explainService(input(store), 'order-service').instances).toHaveLength(1);
    const payments = explainService(input(store), 'payment-service');
    expect(payments.facts).toContainEqual({
      label: 'Routes to it',
      value: 'none yet: nothing reaches it',
    });
    expect(payments.decided).toBe('Nothing yet: no request has reached it.');
    for (const service of SERVICES)
      expect(explainService(input(store), service.id).heading).toBe(service.label);
  });
});

import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { burst } from '../../engine';
import { PREFIX_LOOKUP_SOLUTION } from '../../content/experiments';
import { createAppState, type AppState } from '../../store';
import { runLookupLocally } from './localLookupRunner.fixture';
import { checkPathPrefixes } from '../../content/experimentChecks';
import {
  applyLearnerLookup,
  learnerLookupProblem,
  PREPARER_NAME,
  restoreBuiltInLookup,
} from './routeLookupPreparer';

const mobile = (path: string) => ({ clientId: 'mobile', apiKey: 'abc123', path });

async function sendAndSettle(store: ReturnType<typeof freshStore>, path: string) {
  await store.getState().sendTraffic(burst(mobile(path), 1, store.getState().clockMs));
  store.getState().settleNow();
  return store.getState().traces.at(-1)?.decision;
}

/** The naive prefix: `startsWith(key)` without the "/" boundary, so /api/usersX matches too. */
const NAIVE_LOOKUP = `function findRoute(path, routes) {
  for (const key of Object.keys(routes)) if (path.startsWith(key)) return routes[key];
  return null;
}`;

const freshStore = () => create<AppState>()(createAppState);

describe('applyLearnerLookup', () => {
  it('refuses a findRoute that returns the route key, as the learner’s mistake', async () => {
    const store = freshStore();
    const returnsKey = `function findRoute(path, routes) {
      for (const key of Object.keys(routes)) if (path === key || path.startsWith(key + '/')) return key;
      return null;
    }`;
    await applyLearnerLookup(store, returnsKey, runLookupLocally);
    const status = store.getState().routeLookup;
    expect(status.mode).toBe('failed');
    expect(status.mode === 'failed' && status.message).toContain(
      'returned "/api/users", which is a key of routes, not a service URL',
    );
    expect(store.getState().preparers.has(PREPARER_NAME)).toBe(false);
    // The built-in (exact) lookup routes: no "Routed to /api/users/api/users/123".
    expect((await sendAndSettle(store, '/api/users/123'))?.status).toBe(404);
  });

  it('routes with a correct lookup and finds no problem', async () => {
    const store = freshStore();
    await applyLearnerLookup(store, PREFIX_LOOKUP_SOLUTION, runLookupLocally);
    expect(store.getState().routeLookup).toEqual({ mode: 'learner', problem: null });
    const decision = await sendAndSettle(store, '/api/users/123');
    expect(decision?.service).toBe('user-service');
    expect((await sendAndSettle(store, '/api/usersX'))?.status).toBe(404);
  });

  it('keeps a naive startsWith lookup on (its effect shows) but records the missing boundary', async () => {
    const store = freshStore();
    await applyLearnerLookup(store, NAIVE_LOOKUP, runLookupLocally);
    const status = store.getState().routeLookup;
    expect(status.mode === 'learner' && status.problem).toContain('/api/usersX');
    expect((await sendAndSettle(store, '/api/usersX'))?.service).toBe('user-service');
  });

  it('does not count traffic a flawed lookup routed, even after it is switched off', async () => {
    const store = freshStore();
    await applyLearnerLookup(store, NAIVE_LOOKUP, runLookupLocally);
    await sendAndSettle(store, '/api/users/123');
    await sendAndSettle(store, '/api/orders/9');
    const check = () =>
      checkPathPrefixes({
        traces: store.getState().traces,
        prediction: null,
        learnerLookupProblem,
      });
    expect(check().done).toBe(false);
    restoreBuiltInLookup(store);
    expect(check().done).toBe(false);
    expect(check().feedback).toContain('/api/usersX');
    // Fixed and applied again: the new requests count.
    await applyLearnerLookup(store, PREFIX_LOOKUP_SOLUTION, runLookupLocally);
    await sendAndSettle(store, '/api/users/123');
    await sendAndSettle(store, '/api/orders/9');
    expect(check().done).toBe(true);
  });

  it('reports a value that is not a URL met only while sending, and falls back', async () => {
    const store = freshStore();
    const odd = `function findRoute(path, routes) {
      if (path === '/api/odd') return 'somewhere';
      return routes[path] ?? null;
    }`;
    await applyLearnerLookup(store, odd, runLookupLocally);
    expect(store.getState().routeLookup.mode).toBe('learner');
    expect((await sendAndSettle(store, '/api/odd'))?.status).toBe(404);
    const status = store.getState().routeLookup;
    expect(status.mode === 'failed' && status.message).toContain('"somewhere"');
  });
});

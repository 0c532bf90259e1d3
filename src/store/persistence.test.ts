import { describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { persist, type StateStorage } from 'zustand/middleware';
import { createAppState, type AppState } from './index';
import type { Route } from '../engine';
import { INITIAL_ROUTES } from '../content/services';
import { createPersistOptions, STORAGE_KEY, STORAGE_VERSION } from './persistence';
import type { SaveProblem } from './progressSlice';

function memoryStorage(saved: string | null): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (saved !== null) data.set(STORAGE_KEY, saved);
  return {
    data,
    getItem: (name) => data.get(name) ?? null,
    setItem: (name, value) => void data.set(name, value),
    removeItem: (name) => void data.delete(name),
  };
}

/** A fresh store, composed as in ./index, hydrated from `saved` (the raw localStorage text). */
function storeFrom(saved: string | null, getStorage?: () => StateStorage) {
  const storage = memoryStorage(saved);
  const reports: (SaveProblem | null)[] = [];
  const store = create<AppState>()(
    persist(
      createAppState,
      createPersistOptions(getStorage ?? (() => storage), (problem) => {
        reports.push(problem);
        store.setState({ saveProblem: problem });
      }),
    ),
  );
  // A synchronous storage hydrates while the store is created.
  return { store, storage, reports };
}

/** Lets queued reports (sent after the update that failed) arrive. */
const reportsArrive = () => new Promise<void>((resolve) => queueMicrotask(resolve));

function quotaExceeded(): never {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

const goodState = {
  experiments: { bursts: 'done', 'no-key': 'in-progress' },
  quizAnswers: { 'order-of-checks': { choice: ['auth-first'], correct: true } },
  challengeProgress: {
    'sliding-window': { draft: 'class RateLimiter {}', passed: true },
    'token-bucket': { draft: 'class TokenBucket {}', passed: false },
  },
  activeChallengeId: 'token-bucket',
  experimentFeedback: { bursts: '✔ Your prediction, request 6, was right.' },
  lookupDraft: 'function findRoute(path, routes) { return null; }',
  learnerRoutes: [
    { path: '/api/payments', serviceUrl: 'http://payment-service:3003', match: 'exact' },
  ],
};

/** A version 2 save: one challenge, its draft and pass at the top level. */
const v2State = {
  experiments: goodState.experiments,
  quizAnswers: goodState.quizAnswers,
  challengeDraft: 'class RateLimiter { /* mine */ }',
  challengePassed: true,
};

describe('saved progress', () => {
  it('keeps a version 2 answer to a question renamed in version 3', () => {
    const answer = { choice: ['401'], correct: true };
    const v2 = { ...v2State, quizAnswers: { 'predict-keyless-after-burst': answer } };
    const { store } = storeFrom(JSON.stringify({ state: v2, version: 2 }));
    expect(store.getState().quizAnswers).toEqual({ 'predict-keyless-after-quota': answer });
  });

  it('restores a valid saved state without a notice', () => {
    const { store } = storeFrom(JSON.stringify({ state: goodState, version: STORAGE_VERSION }));
    const state = store.getState();
    expect(state.experiments).toEqual(goodState.experiments);
    expect(state.quizAnswers).toEqual(goodState.quizAnswers);
    expect(state.challengeProgress).toEqual(goodState.challengeProgress);
    expect(state.activeChallengeId).toBe('token-bucket');
    expect(state.restoreProblem).toBeNull();
  });

  it('migrates version 2: the one draft and pass become the sliding window’s, nothing lost', () => {
    const { store, storage } = storeFrom(JSON.stringify({ state: v2State, version: 2 }));
    const state = store.getState();
    expect(state.restoreProblem).toBeNull();
    expect(state.experiments).toEqual(v2State.experiments);
    expect(state.quizAnswers).toEqual(v2State.quizAnswers);
    expect(state.challengeProgress).toEqual({
      'sliding-window': { draft: 'class RateLimiter { /* mine */ }', passed: true },
    });
    expect(state.activeChallengeId).toBe('sliding-window');
    // The next save is version 3, and a reload of it gives the same progress.
    state.setChallengeDraft('prefix-router', 'function findRoute() {}');
    const saved = storage.data.get(STORAGE_KEY) ?? '';
    expect(JSON.parse(saved)).toMatchObject({ version: 3 });
    const reloaded = storeFrom(saved).store.getState();
    expect(reloaded.challengeProgress).toEqual({
      'sliding-window': { draft: 'class RateLimiter { /* mine */ }', passed: true },
      'prefix-router': { draft: 'function findRoute() {}', passed: false },
    });
  });

  it('keeps a challenge’s own test cases across a reload, as typed, with no version change', () => {
    const { store, storage } = storeFrom(JSON.stringify({ state: goodState, version: 3 }));
    // A save from before own cases existed loads as it is.
    expect(store.getState().restoreProblem).toBeNull();
    expect(store.getState().challengeProgress['sliding-window']?.ownCases).toBeUndefined();
    const cases = [
      { values: { maxRequests: '2', windowMs: '1000', calls: 'alice@0, bob@x' }, expected: '' },
      { values: { maxRequests: '1', windowMs: '500', calls: 'a@0' }, expected: 'true' },
    ];
    store.getState().setOwnCases('sliding-window', cases);
    const saved = storage.data.get(STORAGE_KEY) ?? '';
    expect(JSON.parse(saved)).toMatchObject({ version: STORAGE_VERSION });
    expect(STORAGE_VERSION).toBe(3);
    const reloaded = storeFrom(saved).store.getState();
    expect(reloaded.restoreProblem).toBeNull();
    expect(reloaded.challengeProgress['sliding-window']).toEqual({
      draft: 'class RateLimiter {}',
      passed: true,
      ownCases: cases,
    });
  });

  it('starts empty and quiet when nothing was saved', () => {
    const { store } = storeFrom(null);
    expect(store.getState().experiments).toEqual({});
    expect(store.getState().restoreProblem).toBeNull();
  });

  it('migrates version 1 (no quiz answers) without a notice', () => {
    const v1 = {
      experiments: goodState.experiments,
      challengeDraft: v2State.challengeDraft,
      challengePassed: v2State.challengePassed,
    };
    const { store } = storeFrom(JSON.stringify({ state: v1, version: 1 }));
    expect(store.getState().experiments).toEqual(goodState.experiments);
    expect(store.getState().quizAnswers).toEqual({});
    expect(store.getState().challengeProgress['sliding-window']).toEqual({
      draft: v2State.challengeDraft,
      passed: true,
    });
    expect(store.getState().restoreProblem).toBeNull();
  });

  it('migrates version 2 (no experiment feedback, lookup or learner routes) without a notice', () => {
    const v2 = {
      experiments: goodState.experiments,
      quizAnswers: goodState.quizAnswers,
      challengeDraft: v2State.challengeDraft,
      challengePassed: v2State.challengePassed,
    };
    const { store } = storeFrom(JSON.stringify({ state: v2, version: 2 }));
    const state = store.getState();
    expect(state.restoreProblem).toBeNull();
    expect(state.experiments).toEqual(goodState.experiments);
    expect(state.quizAnswers).toEqual(goodState.quizAnswers);
    expect(state.experimentFeedback).toEqual({});
    expect(state.lookupDraft).toBeNull();
    expect(state.routes).toEqual(INITIAL_ROUTES);
  });

  it('puts the learner’s routes back into the playground’s gateway, which routes by them', () => {
    const { store } = storeFrom(JSON.stringify({ state: goodState, version: STORAGE_VERSION }));
    const state = store.getState();
    expect(state.routes).toEqual([...INITIAL_ROUTES, ...goodState.learnerRoutes]);
    expect(state.gateway.handle({ path: '/api/payments', apiKey: 'abc123' }, 0).service).toBe(
      'payment-service',
    );
    expect(state.experimentFeedback).toEqual(goodState.experimentFeedback);
    expect(state.lookupDraft).toBe(goodState.lookupDraft);
  });

  it('saves the routes the learner added, not the starting ones', () => {
    const { store, storage } = storeFrom(null);
    store.getState().addRoute(goodState.learnerRoutes[0] as Route);
    const saved = JSON.parse(storage.data.get(STORAGE_KEY) ?? 'null') as {
      state: { learnerRoutes: unknown };
    };
    expect(saved.state.learnerRoutes).toEqual(goodState.learnerRoutes);
  });

  it.each([
    [
      'a learner route without a path',
      JSON.stringify({
        state: { ...goodState, learnerRoutes: [{ serviceUrl: 'x', match: 'exact' }] },
        version: 3,
      }),
      'wrong-shape',
    ],
    ['invalid JSON', '{"state": {"experiments": ', 'corrupt'],
    ['JSON without the envelope', '[1, 2, 3]', 'corrupt'],
    ['an unknown version', JSON.stringify({ state: goodState, version: 0 }), 'unknown-version'],
    ['a newer version', JSON.stringify({ state: goodState, version: 99 }), 'newer-version'],
    [
      'a wrong status',
      JSON.stringify({ state: { ...goodState, experiments: { bursts: 'yes' } }, version: 3 }),
      'wrong-shape',
    ],
    [
      'a wrong quiz answer',
      JSON.stringify({ state: { ...goodState, quizAnswers: { q: { choice: 3 } } }, version: 3 }),
      'wrong-shape',
    ],
    ['a missing field', JSON.stringify({ state: { experiments: {} }, version: 3 }), 'wrong-shape'],
    [
      'an unknown challenge',
      JSON.stringify({ state: { ...goodState, activeChallengeId: 'nope' }, version: 3 }),
      'wrong-shape',
    ],
    [
      'own test cases that are not a list of drafts',
      JSON.stringify({
        state: {
          ...goodState,
          challengeProgress: {
            'sliding-window': { draft: null, passed: false, ownCases: [{ values: { calls: 3 } }] },
          },
        },
        version: 3,
      }),
      'wrong-shape',
    ],
  ])('starts fresh and says so for %s', (_name, saved, problem) => {
    const { store } = storeFrom(saved);
    const state = store.getState();
    expect(state.restoreProblem).toBe(problem);
    expect(state.experiments).toEqual({});
    expect(state.quizAnswers).toEqual({});
    expect(state.challengeProgress).toEqual({});
    // The rest of the app still works on the fresh state.
    state.setExperimentStatus('bursts', 'done');
    expect(store.getState().experiments).toEqual({ bursts: 'done' });
  });

  it('saves progress but not the notice, the log or the baselines', () => {
    const { store, storage } = storeFrom(null);
    store.getState().setExperimentStatus('no-key', 'done');
    const saved = JSON.parse(storage.data.get(STORAGE_KEY) ?? 'null') as { state: object };
    expect(Object.keys(saved.state).sort()).toEqual([
      'activeChallengeId',
      'challengeProgress',
      'experimentFeedback',
      'experiments',
      'learnerRoutes',
      'lookupDraft',
      'quizAnswers',
    ]);
  });

  it('writes only when the saved part changes, and survives a storage that refuses writes', () => {
    const { store, storage } = storeFrom(null);
    let writes = 0;
    const write = storage.setItem;
    storage.setItem = (name, value) => {
      writes++;
      return write(name, value);
    };
    store.getState().setExperimentStatus('no-key', 'done');
    expect(writes).toBe(1);
    // Playback moves the clock every frame: nothing saved changes, so nothing is written.
    for (let t = 1; t <= 10; t++) store.getState().advanceClock(t * 16);
    expect(writes).toBe(1);
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(() => store.getState().setExperimentStatus('bursts', 'done')).not.toThrow();
    expect(store.getState().experiments).toEqual({ 'no-key': 'done', bursts: 'done' });
  });

  it('reset forgets experiments, quiz and challenge', () => {
    const { store } = storeFrom(JSON.stringify({ state: goodState, version: STORAGE_VERSION }));
    store.getState().resetProgress();
    const state = store.getState();
    expect(state.experiments).toEqual({});
    expect(state.quizAnswers).toEqual({});
    expect(state.challengeProgress).toEqual({});
  });

  it('keeps a newer version’s save untouched and runs in memory', async () => {
    const newer = JSON.stringify({ state: { ...goodState, future: [1, 2] }, version: 99 });
    const { store, storage, reports } = storeFrom(newer);
    expect(store.getState().restoreProblem).toBe('newer-version');
    expect(store.getState().experiments).toEqual({});
    store.getState().setExperimentStatus('bursts', 'done');
    store.getState().answerQuiz('order-of-checks', { choice: ['auth-first'], correct: true });
    store.getState().dismissRestoreNotice();
    await reportsArrive();
    expect(store.getState().experiments).toEqual({ bursts: 'done' });
    expect(storage.data.get(STORAGE_KEY)).toBe(newer);
    // Not a failure to report: the page already said it will not save over the newer progress.
    expect(reports).toEqual([]);
  });

  it('says once that a full storage refuses saves, and again only after saving worked', async () => {
    const { store, storage, reports } = storeFrom(null);
    const write = storage.setItem;
    storage.setItem = quotaExceeded;
    for (let i = 0; i < 5; i++) store.getState().setExperimentStatus(`e${i}`, 'done');
    // Playback frames change nothing saved: no more attempts, no more reports.
    for (let t = 1; t <= 60; t++) store.getState().advanceClock(t * 16);
    await reportsArrive();
    expect(reports).toEqual(['full']);
    expect(store.getState().saveProblem).toBe('full');
    store.getState().dismissSaveNotice();
    storage.setItem = write;
    store.getState().setExperimentStatus('bursts', 'done');
    await reportsArrive();
    expect(reports).toEqual(['full', null]);
    expect(storage.data.get(STORAGE_KEY)).toContain('bursts');
  });

  it('says at once, and only once, that storage is turned off; the page still works', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { store, reports } = storeFrom(null, () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    for (let t = 1; t <= 60; t++) {
      store.getState().advanceClock(t * 16);
      store.getState().setExperimentStatus(`e${t}`, 'done');
    }
    await reportsArrive();
    expect(reports).toEqual(['unavailable']);
    expect(store.getState().saveProblem).toBe('unavailable');
    expect(Object.keys(store.getState().experiments)).toHaveLength(60);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

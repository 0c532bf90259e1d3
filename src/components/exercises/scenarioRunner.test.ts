import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { EXPERIMENTS, type Experiment } from '../../content/experiments';
import { INITIAL_ROUTES, INITIAL_SETTINGS } from '../../content/services';
import { createAppState, type AppState } from '../../store';
import { runLookupLocally } from './localLookupRunner.fixture';
import { learnerLookupProblem } from './routeLookupPreparer';
import { playActions, setUpScenario, showSolution } from './scenarioRunner';

/** The experiment's check over what the playground shows now, as the card runs it. */
function checkNow(experiment: Experiment, state: AppState) {
  return experiment.check({
    traces: state.traces,
    prediction: state.burstPrediction,
    profilePrediction: state.profilePrediction,
    learnerLookupProblem,
    replicaPrediction: state.replicaPrediction,
  });
}

describe('every experiment of the content', () => {
  it.each(EXPERIMENTS.map((experiment) => [experiment.id, experiment] as const))(
    '%s: is not done in its scenario and is done by its reference solution',
    async (_id, experiment) => {
      const store = create<AppState>()(createAppState);
      expect(setUpScenario(store, experiment.scenario)).toBeNull();
      expect(checkNow(experiment, store.getState()).done).toBe(false);
      expect(
        await playActions(store, experiment.solution, { runLookup: runLookupLocally }),
      ).toBeNull();
      store.getState().settleNow();
      const result = checkNow(experiment, store.getState());
      expect(result.feedback).not.toMatch(/^Almost/);
      expect(result.done).toBe(true);
      expect(result.predictionRight).not.toBe(false);
    },
  );
});

describe('setUpScenario', () => {
  it('puts back settings, routes, lookup, limiter and an empty log, through store actions', async () => {
    const store = create<AppState>()(createAppState);
    const state = store.getState();
    state.applySettings({ maxRequests: 2, windowMs: 1000 });
    state.addRoute({
      path: '/api/payments',
      serviceUrl: 'http://order-service:3002',
      match: 'exact',
    });
    await playActions(
      store,
      [
        { kind: 'use-lookup', source: 'function findRoute() { return null; }' },
        { kind: 'send', clientId: 'mobile', path: '/api/users', count: 3 },
      ],
      { runLookup: runLookupLocally },
    );
    state.settleNow();
    state.setLearnerLimiter({ active: true, note: null });
    expect(store.getState().traces).toHaveLength(3);

    const scenario = EXPERIMENTS[0]?.scenario;
    if (scenario === undefined) throw new Error('no experiment');
    expect(setUpScenario(store, scenario)).toBeNull();
    const after = store.getState();
    expect(after.settings).toEqual(INITIAL_SETTINGS);
    expect(after.routes).toEqual(INITIAL_ROUTES);
    expect(after.traces).toEqual([]);
    expect(after.clockMs).toBe(0);
    expect(after.preparers.size).toBe(0);
    expect(after.routeLookup).toEqual({ mode: 'built-in' });
    expect(after.learnerLimiter.active).toBe(false);
    expect(after.gateway.handle({ path: '/api/users', apiKey: 'abc123' }, 0).status).toBe(200);
  });

  it('reports a scenario the gateway refuses and leaves the routes as they were', () => {
    const store = create<AppState>()(createAppState);
    const problem = setUpScenario(store, {
      settings: INITIAL_SETTINGS,
      routes: [{ path: 'no-slash', serviceUrl: 'http://user-service:3001', match: 'exact' }],
      freshLog: true,
    });
    expect(problem).toMatch(/must start with "\/"/);
    expect(store.getState().routes).toEqual(INITIAL_ROUTES);
  });
});

describe('showSolution', () => {
  it('plays from the scenario, whatever the playground held before', async () => {
    const store = create<AppState>()(createAppState);
    store.getState().applySettings({ maxRequests: 1 });
    const bursts = EXPERIMENTS.find((experiment) => experiment.id === 'bursts');
    if (bursts === undefined) throw new Error('no bursts experiment');
    expect(await showSolution(store, bursts, { runLookup: runLookupLocally })).toBeNull();
    store.getState().settleNow();
    const statuses = store.getState().traces.map((trace) => trace.decision.status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

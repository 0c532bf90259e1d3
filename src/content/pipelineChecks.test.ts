import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { playActions, setUpScenario } from '../components/exercises/scenarioRunner';
import { createAppState } from '../store';
import { experimentById, type Experiment } from './experiments';
import type { PlaygroundAction } from './playgroundScript';

/** Plays `actions` in the experiment's scenario and runs its check on the log. */
async function checkAfter(id: string, actions: readonly PlaygroundAction[]) {
  const experiment = experimentById(id) as Experiment;
  const store = create(createAppState);
  expect(setUpScenario(store, experiment.scenario)).toBeNull();
  expect(await playActions(store, actions)).toBeNull();
  store.getState().settleNow();
  const { traces } = store.getState();
  return experiment.check({ traces, prediction: null, learnerLookupProblem: () => undefined });
}

const get = { kind: 'send', clientId: 'mobile', path: '/api/users', count: 1 } as const;

describe('the cache experiment', () => {
  it('is not done when the second GET left before the first was back (two Misses)', async () => {
    const result = await checkAfter('cache', [
      { ...get, count: 2 },
      { ...get, method: 'POST' },
    ]);
    expect(result.done).toBe(false);
    expect(result.feedback).toMatch(/second GET once the first is back/);
  });

  it('is not done without a POST, and says so', async () => {
    const result = await checkAfter('cache', [get, { kind: 'settle' }, get]);
    expect(result.done).toBe(false);
    expect(result.feedback).toMatch(/a POST/);
  });
});

describe('the resilience experiment', () => {
  it('is not done before any instance fails', async () => {
    const result = await checkAfter('resilience', [{ ...get, count: 6 }]);
    expect(result).toMatchObject({ done: false, started: true });
    expect(result.feedback).toMatch(/No failure yet/);
  });

  it('is not done while the circuit never opened', async () => {
    const result = await checkAfter('resilience', [
      { kind: 'instance', service: 'user-service', index: 1, down: true },
      { ...get, count: 9 },
      { kind: 'settle' },
      { ...get, count: 4 },
    ]);
    expect(result.done).toBe(false);
    expect(result.feedback).toMatch(/was ejected after 3 failures/);
  });
});

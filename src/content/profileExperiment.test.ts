import { describe, expect, it } from 'vitest';
import { Gateway, PROFILES, Simulation, type RequestTrace } from '../engine';
import { checkProfileCompare } from './profileExperiment';
import { acrossAMinute, nextMinuteAfter } from './playgroundScript';
import { clientById, INITIAL_ROUTES, INITIAL_SETTINGS } from './services';

/** The experiment's traffic decided under `profile` on a fresh gateway. */
function run(profile: 'lesson' | 'kong'): RequestTrace[] {
  const gateway = new Gateway(INITIAL_SETTINGS, INITIAL_ROUTES);
  gateway.useProfile(PROFILES[profile]);
  const simulation = new Simulation(gateway, { seed: 1 });
  const boundary = nextMinuteAfter(0);
  simulation.send(acrossAMinute(boundary, clientById('mobile'), clientById('script')));
  return simulation.advanceTo(boundary + 10_000);
}

const context = (traces: readonly RequestTrace[], profilePrediction: number | null) => ({
  traces,
  prediction: null,
  profilePrediction,
  learnerLookupProblem: () => undefined,
});

describe('experiment 5: the lesson or Kong', () => {
  it('asks for a prediction first', () => {
    expect(checkProfileCompare(context([], null))).toMatchObject({ done: false, started: false });
  });

  it('waits for both runs, naming the one missing', () => {
    const result = checkProfileCompare(context(run('lesson'), 10));
    expect(result.done).toBe(false);
    expect(result.feedback).toMatch(/under Kong\.$/);
  });

  it('compares the runs and judges the prediction against what Kong did', () => {
    const both = [...run('lesson'), ...run('kong')];
    const wrong = checkProfileCompare(context(both, 5));
    expect(wrong).toMatchObject({ done: true, predictionRight: false });
    expect(wrong.feedback).toContain('Kong let 10 through');
    expect(wrong.feedback).toContain('Under the lesson 5 of 10 passed');
    expect(wrong.feedback).toContain('401 from the lesson');
    expect(wrong.feedback).toContain('404 from Kong');
    expect(checkProfileCompare(context(both, 10)).predictionRight).toBe(true);
  });
});

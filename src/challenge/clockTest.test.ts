import { describe, expect, it } from 'vitest';
import { MODEL_SOLUTION } from '../content/challenge/modelSolution';
import type { AnyChallengeDefinition } from './definitions/types';
import { WRONG_ROUTERS, WRONG_TOKEN_BUCKETS } from './definitions/newChallenges.fixture';
import { CHALLENGES, gradeChallenge } from './index';
import { loadEntry } from './judge';
import { LearnerSession } from './learnerSession';
import { startNodeLearner } from './nodeLearner';
import { WRONG_SOLUTIONS } from './wrongSolutions.fixture';

/** Each challenge's known-wrong solutions, one mistake each. */
const WRONG_BY_CHALLENGE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'sliding-window': WRONG_SOLUTIONS,
  'token-bucket': WRONG_TOKEN_BUCKETS,
  'prefix-router': WRONG_ROUTERS,
};

const clockTestOf = (definition: AnyChallengeDefinition) =>
  definition.gradedCases().find((c) => c.checksClock === true);

const CLOCK_CHALLENGES = CHALLENGES.filter((d) => clockTestOf(d) !== undefined);

/** Reads the wall clock, in each way learner code can. */
const CLOCK_READS = ['Date.now()', 'performance.now()', 'new Date().getTime()'];

/**
 * The model solution, except that every call is given the clock's time instead of its timestamp:
 * right in every other way, so only reading the clock can fail it.
 */
function clockReader(definition: AnyChallengeDefinition, read: string): string {
  const { entry, content } = definition;
  if (entry.kind !== 'class') throw new Error(`${definition.id}: a clock test needs a class`);
  const base = content.modelSolution.replace(`class ${entry.name} `, 'class ModelAnswer ');
  return `${base}
class ${entry.name} extends ModelAnswer {
  ${entry.method}(clientId, timestamp) { return super.${entry.method}(clientId, ${read}); }
}`;
}

const readsClock = (source: string) => /Date|performance/.test(source);

describe('the clock test', { timeout: 60_000 }, () => {
  it('is part of some challenge, found in the definitions', () => {
    expect(CLOCK_CHALLENGES.length).toBeGreaterThan(0);
  });

  describe.each(CLOCK_CHALLENGES.map((d) => [d.id, d] as const))('in %s', (id, definition) => {
    const name = clockTestOf(definition)?.name as string;

    it.each(CLOCK_READS)('fails code that reads the clock with %s', async (read) => {
      const report = await gradeChallenge(id, clockReader(definition, read));
      const clock = report.results.find((r) => r.name === name);
      expect(clock?.passed).toBe(false);
      expect(clock?.message).toMatch(
        /^Call \d+ of \d+, .* gave (true|false) with the clock stopped and (true|false) with the clock moving an hour per call: your code reads the clock/,
      );
      expect(clock?.table?.columns).toEqual([
        'Expected',
        'Yours, clock stopped',
        'Yours, clock moving',
      ]);
      const failing = clock?.table?.rows.at(-1);
      expect(failing?.failing).toBe(true);
      expect(failing?.answers[1]).not.toBe(failing?.answers[2]);
    });

    it('passes every known-wrong solution that does not read the clock; each fails another test', async () => {
      const wrong = WRONG_BY_CHALLENGE[id];
      expect(wrong, `known-wrong solutions for ${id}`).toBeDefined();
      const honest = Object.entries(wrong ?? {}).filter(([, source]) => !readsClock(source));
      expect(honest.length).toBeGreaterThanOrEqual(3);
      for (const [mistake, source] of honest) {
        const report = await gradeChallenge(id, source);
        if (report.problem !== null) continue; // does not load: no test runs at all
        const clock = report.results.find((r) => r.name === name);
        expect(clock?.passed, `${mistake}: ${clock?.message}`).toBe(true);
        expect(report.passed, mistake).toBe(false);
      }
    });

    it('fails the known-wrong solution that reads Date.now on this test', async () => {
      const [mistake, source] =
        Object.entries(WRONG_BY_CHALLENGE[id] ?? {}).find(([, s]) => readsClock(s)) ?? [];
      expect(mistake).toBeDefined();
      const report = await gradeChallenge(id, source as string);
      expect(report.results.find((r) => r.name === name)?.passed).toBe(false);
    });
  });

  it('passes a fixed window on the sliding window, which fails on the window boundary', async () => {
    const report = await gradeChallenge(
      'sliding-window',
      WRONG_SOLUTIONS['fixed window'] as string,
    );
    const passed = (n: string) => report.results.find((r) => r.name === n)?.passed;
    expect(passed('uses the given timestamps, not the clock')).toBe(true);
    expect(passed('exact boundary')).toBe(false);
  });
});

describe('the learner side’s clock', { timeout: 20_000 }, () => {
  const definition = CHALLENGES.find((c) => c.id === 'sliding-window') as AnyChallengeDefinition;
  const logsClock = MODEL_SOLUTION.replace(
    'allowRequest(clientId: string, timestamp: number): boolean {',
    'allowRequest(clientId: string, timestamp: number): boolean {\n    console.log(Date.now(), new Date().getTime(), performance.now());',
  );

  it('follows a trace’s clock call by call, and stands still without one', async () => {
    const session = new LearnerSession(startNodeLearner(), 5000);
    try {
      await session.ready();
      expect(await loadEntry(definition.entry, logsClock, session)).toBeNull();
      const calls = [
        ['a', 0],
        ['a', 1],
        ['a', 2],
      ];
      await session.run([{ construct: [5, 1000], calls, clock: { startMs: 1000, stepMs: 250 } }]);
      await session.run([{ construct: [5, 1000], calls: calls.slice(0, 2) }]);
      expect(session.logs()).toEqual([
        '1000 1000 0',
        '1250 1250 250',
        '1500 1500 500',
        '1700000000000 1700000000000 0',
        '1700000000000 1700000000000 0',
      ]);
    } finally {
      session.close();
    }
  });
});

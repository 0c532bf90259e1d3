import { describe, expect, it } from 'vitest';
import { CHALLENGES, gradeChallenge } from '../index';
import { WRONG_ROUTERS, WRONG_TOKEN_BUCKETS } from './newChallenges.fixture';

const RANDOM = /^randomized comparison/;

describe.each(CHALLENGES.map((c) => [c.id, c] as const))('challenge %s', (id, definition) => {
  it('passes its model solution on every graded case and the random comparison', async () => {
    const report = await gradeChallenge(id, definition.content.modelSolution);
    expect(report.results.filter((r) => !r.passed).map((r) => r.message)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.results).toHaveLength(definition.gradedCases().length + 1);
  }, 30_000);

  it('fails its starter code', async () => {
    const report = await gradeChallenge(id, definition.content.starterCode);
    expect(report.passed).toBe(false);
  }, 30_000);

  it('has unique case names and at least one visible sample', () => {
    const names = definition.gradedCases().map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(definition.gradedCases().some((c) => c.visible)).toBe(true);
  });
});

describe.each([
  ['token-bucket', WRONG_TOKEN_BUCKETS],
  ['prefix-router', WRONG_ROUTERS],
] as const)('wrong %s solutions', (id, wrong) => {
  it('has at least five', () => {
    expect(Object.keys(wrong).length).toBeGreaterThanOrEqual(5);
  });

  it.each(Object.entries(wrong))(
    '"%s" fails with a counterexample',
    async (_, source) => {
      const report = await gradeChallenge(id, source);
      expect(report.passed).toBe(false);
      expect(report.problem).toBeNull();
      const failure = report.results.find((r) => !r.passed);
      expect(failure?.message).toMatch(/^(.*: )?Call \d+ of \d+, /);
      expect(failure?.message).toMatch(/expected/i);
    },
    30_000,
  );
});

describe('gradeChallenge', { timeout: 30_000 }, () => {
  it('answers an unknown id with a failed report, never a throw', async () => {
    const report = await gradeChallenge('no-such-challenge', 'class X {}');
    expect(report.passed).toBe(false);
    expect(report.summary).toMatch(/No challenge "no-such-challenge"/);
  });

  it('shrinks a token bucket counterexample', async () => {
    const report = await gradeChallenge(
      'token-bucket',
      WRONG_TOKEN_BUCKETS['refused requests take a token'] as string,
    );
    const random = report.results.find((r) => RANDOM.test(r.name));
    expect(random?.passed).toBe(false);
    expect(random?.message).toMatch(/Smallest failing sequence \(\d+ calls, capacity \d+/);
  }, 30_000);
});

import { describe, expect, it } from 'vitest';
import { CHALLENGES } from '../definitions';
import { isChallengeId } from '../../content/challenges';
import { MAX_OWN_CALLS, OWN_CASE_FORMS, newOwnCase } from './index';

const sliding = OWN_CASE_FORMS['sliding-window'];
const router = OWN_CASE_FORMS['prefix-router'];
const limiterDraft = (values: Record<string, string>, expected = '') => ({
  values: { maxRequests: '2', windowMs: '1000', calls: 'alice@0', ...values },
  expected,
});

describe('own case forms', () => {
  it.each(CHALLENGES.map((c) => [c.id, c] as const))(
    '%s: the page’s form is the definition’s, and a new case parses',
    (id, definition) => {
      expect(isChallengeId(id)).toBe(true);
      if (!isChallengeId(id)) return;
      expect(definition.ownCase).toBe(OWN_CASE_FORMS[id]);
      const parsed = definition.ownCase.parse(newOwnCase(id));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(() => definition.expected(parsed.challengeCase)).not.toThrow();
    },
  );

  it('reads calls written client@time and expected answers', () => {
    const parsed = sliding.parse(
      limiterDraft({ calls: 'alice@0, alice@500\nbob@600' }, 'true, TRUE false'),
    );
    expect(parsed).toEqual({
      ok: true,
      callCount: 3,
      expected: [true, true, false],
      challengeCase: {
        maxRequests: 2,
        windowMs: 1000,
        calls: [
          { clientId: 'alice', timestampMs: 0 },
          { clientId: 'alice', timestampMs: 500 },
          { clientId: 'bob', timestampMs: 600 },
        ],
      },
    });
  });

  it.each([
    [{ maxRequests: '' }, 'maxRequests', /Required: a whole number from 1 to 100,000/],
    [{ maxRequests: '0' }, 'maxRequests', /0 is out of range/],
    [{ windowMs: '1.5' }, 'windowMs', /"1.5" is not a whole number/],
    [{ calls: '' }, 'calls', /Add at least one call/],
    [{ calls: 'alice 0' }, 'calls', /Call 1, "alice", is not client@time/],
    [{ calls: 'alice@-5' }, 'calls', /is not client@time/],
    [{ calls: 'bob@600, bob@300' }, 'calls', /Call 2, bob@300, goes back in time/],
    [
      { calls: Array.from({ length: MAX_OWN_CALLS + 1 }, (_, i) => `a@${i}`).join(',') },
      'calls',
      /1,001 calls: a case holds at most 1,000/,
    ],
  ])('says what is wrong with %j beside its field', (values, key, message) => {
    const parsed = sliding.parse(limiterDraft(values));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[key]).toMatch(message);
  });

  it('reports every wrong field at once, and expected answers only once the fields parse', () => {
    const parsed = sliding.parse({
      values: { maxRequests: 'x', windowMs: '0', calls: 'a@1' },
      expected: 'maybe',
    });
    expect(parsed.ok ? [] : Object.keys(parsed.problems)).toEqual(['maxRequests', 'windowMs']);
    const counted = sliding.parse(limiterDraft({ calls: 'a@1, a@2' }, 'true'));
    expect(counted.ok ? null : counted.problems['expected']).toMatch(
      /1 answer for 2 calls: give one per call, or leave this blank/,
    );
    const word = sliding.parse(limiterDraft({}, 'yes'));
    expect(word.ok ? null : word.problems['expected']).toMatch(/"yes", is not true or false/);
  });

  it('reads a routing table, paths and URL answers for the router', () => {
    const parsed = router.parse({
      values: { routes: '/api/users = http://u:1\n\n/api = http://f:0', paths: '/api/users/7\n/x' },
      expected: 'http://u:1\nnull',
    });
    expect(parsed).toMatchObject({
      ok: true,
      challengeCase: { routes: { '/api/users': 'http://u:1', '/api': 'http://f:0' } },
      expected: ['http://u:1', null],
    });
    const bad = router.parse({ values: { routes: 'api = x', paths: 'nope' }, expected: '' });
    expect(bad.ok ? {} : bad.problems).toEqual({
      routes: expect.stringMatching(/Line 1, "api = x", is not path = URL/),
      paths: expect.stringMatching(/"nope", is not a path/),
    });
  });
});

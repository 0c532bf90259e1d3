import { SlidingWindowLimiter } from '../../engine';
import { SLIDING_WINDOW_CONTENT } from '../../content/challenges/slidingWindow';
import { SAMPLE_TESTS } from '../../content/challenge/samples';
import { referenceDecisions } from '../reference';
import { SLIDING_WINDOW_FORM } from '../ownCases/forms';
import type { LimiterCase } from '../types';
import { hiddenTests } from './slidingWindowSuite';
import { RANDOM_SEED, RANDOM_TRACE_COUNT, limiterCaseArbitrary } from './slidingWindowRandom';
import type { ChallengeDefinition } from './types';

const withoutName = ({ maxRequests, windowMs, calls }: LimiterCase): LimiterCase => ({
  maxRequests,
  windowMs,
  calls,
});

/** `class RateLimiter { constructor(maxRequests, windowMs); allowRequest(clientId, timestamp) }` */
export const slidingWindowChallenge: ChallengeDefinition<LimiterCase> = {
  id: 'sliding-window',
  entry: { kind: 'class', name: 'RateLimiter', method: 'allowRequest', output: 'boolean' },
  content: SLIDING_WINDOW_CONTENT,

  gradedCases: () => [
    ...SAMPLE_TESTS.map((t) => ({ name: t.name, visible: true, challengeCase: withoutName(t) })),
    ...hiddenTests().map((t) => ({
      name: t.name,
      visible: false,
      challengeCase: withoutName(t),
      ...(t.checksClock ? { checksClock: true } : {}),
    })),
  ],
  random: { arbitrary: limiterCaseArbitrary, seed: RANDOM_SEED, count: RANDOM_TRACE_COUNT },
  toTrace: (c) => ({
    construct: [c.maxRequests, c.windowMs],
    calls: c.calls.map((call) => [call.clientId, call.timestampMs]),
  }),
  expected: referenceDecisions,
  callText: (c, index) => {
    const call = c.calls[index];
    return call ? `allowRequest("${call.clientId}", ${call.timestampMs})` : 'a call';
  },
  settingsText: (c) => `maxRequests ${c.maxRequests}, windowMs ${c.windowMs}`,
  whyExpected: (c, index) => {
    const call = c.calls[index];
    if (call === undefined) return '';
    const reference = new SlidingWindowLimiter(c.maxRequests, c.windowMs);
    for (const earlier of c.calls.slice(0, index)) {
      reference.allowRequest(earlier.clientId, earlier.timestampMs);
    }
    const marks = reference.marksAt(call.clientId, call.timestampMs);
    const shown =
      marks.length <= 8
        ? marks.join(', ')
        : `${marks.slice(0, 4).join(', ')}, …, ${marks.slice(-3).join(', ')}`;
    const counted =
      marks.length === 0
        ? `no allowed requests in the last ${c.windowMs} ms`
        : `${marks.length} allowed in the last ${c.windowMs} ms (at ${shown})`;
    return `${call.clientId} has ${counted}; the limit is ${c.maxRequests}.`;
  },
  ownCase: SLIDING_WINDOW_FORM,
  replayable: (c) => c,
};

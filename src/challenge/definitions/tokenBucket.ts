import fc from 'fast-check';
import { timedCalls, type TimedCall } from './timedCalls';
import type { ChallengeDefinition, GradedCase } from './types';
import { TOKEN_BUCKET_FORM } from '../ownCases/forms';
import { TOKEN_BUCKET_CONTENT } from '../../content/challenges/tokenBucket';

/** One TokenBucket(capacity, refillPerSecond) and the allowRequest calls made on it. */
export interface TokenBucketCase {
  readonly capacity: number;
  readonly refillPerSecond: number;
  readonly calls: readonly TimedCall[];
}

/**
 * The reference, in exact integer arithmetic: a level counts thousandths of a token, so a refill
 * of `elapsedMs * refillPerSecond` thousandths is exact for whole-number rates and times.
 * Returns each decision and the token count (in thousandths) the call saw.
 */
function referenceRun(c: TokenBucketCase): { allowed: boolean; levelMilli: number }[] {
  const fullMilli = c.capacity * 1000;
  const buckets = new Map<string, { levelMilli: number; lastMs: number }>();
  return c.calls.map(({ clientId, timestampMs }) => {
    const bucket = buckets.get(clientId) ?? { levelMilli: fullMilli, lastMs: timestampMs };
    buckets.set(clientId, bucket);
    const elapsedMs = Math.max(0, timestampMs - bucket.lastMs);
    bucket.levelMilli = Math.min(fullMilli, bucket.levelMilli + elapsedMs * c.refillPerSecond);
    bucket.lastMs = timestampMs;
    const levelMilli = bucket.levelMilli;
    const allowed = levelMilli >= 1000;
    if (allowed) bucket.levelMilli -= 1000;
    return { allowed, levelMilli };
  });
}

const at = (clientId: string, ...timestamps: number[]) =>
  timestamps.map((timestampMs) => ({ clientId, timestampMs }));

const burst = (clientId: string, timestampMs: number, count: number) =>
  Array.from({ length: count }, () => ({ clientId, timestampMs }));

const CLOCK_TEST = 'uses the given timestamps, not the clock';

/**
 * Times are multiples of 125 ms in every case, so each refill is a multiple of 1/8 token: exact in
 * floating point too, and a learner's `elapsed / 1000 * rate` agrees with the reference.
 */
function gradedCases(): GradedCase<TokenBucketCase>[] {
  const cases: [string, boolean, TokenBucketCase][] = [
    [
      'Sample 1: a full bucket lets a burst of capacity through',
      true,
      { capacity: 3, refillPerSecond: 1, calls: at('alice', 0, 0, 0, 0) },
    ],
    [
      'Sample 2: tokens come back at the refill rate',
      true,
      { capacity: 2, refillPerSecond: 2, calls: at('alice', 0, 0, 0, 250, 500, 750, 1000) },
    ],
    [
      'never above capacity',
      false,
      { capacity: 2, refillPerSecond: 4, calls: at('alice', 0, 0, 10_000, 10_000, 10_000) },
    ],
    [
      'refused requests take no token',
      false,
      { capacity: 1, refillPerSecond: 1, calls: at('alice', 0, 500, 750, 1000, 1500, 2000) },
    ],
    [
      'partial tokens are kept',
      false,
      { capacity: 1, refillPerSecond: 4, calls: at('alice', 0, 125, 250, 375, 500, 625, 750) },
    ],
    [
      'independent clients',
      false,
      {
        capacity: 2,
        refillPerSecond: 1,
        calls: [...at('alice', 0, 0, 0), ...at('bob', 125, 125, 125), ...at('alice', 1000)],
      },
    ],
    [
      // Code that reads the clock gets no refill under a stopped clock and a full bucket at every
      // call under one moving an hour a call (see clockTest.ts).
      CLOCK_TEST,
      false,
      {
        capacity: 1,
        refillPerSecond: 1,
        calls: [...at('past', 0, 500, 2000), ...at('future', 5e12, 5e12 + 500, 5e12 + 2000)],
      },
    ],
    [
      'a capacity in the hundreds (500)',
      false,
      {
        capacity: 500,
        refillPerSecond: 8,
        calls: [...burst('alice', 0, 600), ...burst('alice', 1000, 20), ...burst('bob', 1000, 520)],
      },
    ],
    [
      'a capacity in the thousands (2,000)',
      false,
      {
        capacity: 2000,
        refillPerSecond: 40,
        calls: [
          ...burst('alice', 0, 2100),
          ...burst('alice', 5000, 250),
          ...burst('alice', 500_000, 2050),
        ],
      },
    ],
    [
      'large input (20,000 calls)',
      false,
      {
        capacity: 3,
        refillPerSecond: 3,
        calls: Array.from({ length: 20_000 }, (_, i) => ({
          clientId: `client-${i % 20}`,
          timestampMs: Math.floor(i / 20) * 125,
        })),
      },
    ],
  ];
  return cases.map(([name, visible, challengeCase]) => ({
    name,
    visible,
    challengeCase,
    ...(name === CLOCK_TEST ? { checksClock: true } : {}),
  }));
}

/** Random traces on a 125 ms grid; bursts (gap 0) are common so the bucket empties. */
function traces(
  capacity: { readonly min: number; readonly max: number },
  maxCalls: number,
  size?: 'max',
): fc.Arbitrary<TokenBucketCase> {
  return fc.record({
    capacity: fc.integer(capacity),
    refillPerSecond: fc.integer({ min: 1, max: 20 }),
    calls: timedCalls({
      clients: ['alice', 'bob'],
      gapUnits: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 })),
      unitMs: 125,
      maxStartUnits: 80,
      maxCalls,
      ...(size ? { size } : {}),
    }),
  });
}

/** `class TokenBucket { constructor(capacity, refillPerSecond); allowRequest(clientId, timestamp) }` */
export const tokenBucketChallenge: ChallengeDefinition<TokenBucketCase> = {
  id: 'token-bucket',
  entry: { kind: 'class', name: 'TokenBucket', method: 'allowRequest', output: 'boolean' },
  content: TOKEN_BUCKET_CONTENT,
  gradedCases,
  random: {
    arbitrary: fc.oneof(traces({ min: 1, max: 4 }, 30), traces({ min: 5, max: 48 }, 120, 'max')),
    seed: 20_261_202,
    count: 1000,
  },
  toTrace: (c) => ({
    construct: [c.capacity, c.refillPerSecond],
    calls: c.calls.map((call) => [call.clientId, call.timestampMs]),
  }),
  expected: (c) => referenceRun(c).map((r) => r.allowed),
  callText: (c, index) => {
    const call = c.calls[index];
    return call ? `allowRequest("${call.clientId}", ${call.timestampMs})` : 'a call';
  },
  settingsText: (c) => `capacity ${c.capacity}, refillPerSecond ${c.refillPerSecond}`,
  ownCase: TOKEN_BUCKET_FORM,
  whyExpected: (c, index) => {
    const seen = referenceRun({ ...c, calls: c.calls.slice(0, index + 1) }).at(-1);
    const call = c.calls[index];
    if (seen === undefined || call === undefined) return '';
    const tokens = seen.levelMilli / 1000;
    return `${call.clientId}'s bucket holds ${tokens} token${tokens === 1 ? '' : 's'} at ${call.timestampMs} ms (capacity ${c.capacity}); a request needs 1.`;
  },
};

export { referenceRun as tokenBucketReferenceRun };

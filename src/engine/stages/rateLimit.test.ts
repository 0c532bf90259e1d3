import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter, type RateLimitAlgorithm } from '../limiters';
import { createContext } from '../pipeline/runner';
import { toRetryAfterSeconds } from '../profiles/lesson';
import { rateLimitStage } from './rateLimit';

/** A sliding log whose reported limit can be changed under the stage, as a custom limiter's might. */
function limiterReporting(limit: () => number): RateLimitAlgorithm {
  const inner = new SlidingWindowLimiter(4, 1000);
  return {
    algorithm: inner.algorithm,
    policy: inner.policy,
    lastDelayMs: 0,
    allowRequest: (clientId, atMs) => inner.allowRequest(clientId, atMs),
    snapshot: (clientId, atMs) => ({ ...inner.snapshot(clientId, atMs), limit: limit() }),
    evictIdle: (atMs) => inner.evictIdle(atMs),
    get clientCount() {
      return inner.clientCount;
    },
  };
}

describe('the rate-limit stage', () => {
  it('writes each note from the quota it reads, whether the outcome was made now or before', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom('a', 'b'),
            gapMs: fc.integer({ min: 0, max: 400 }),
            limit: fc.constantFrom(4, 7),
          }),
          { minLength: 1, maxLength: 80 },
        ),
        (steps) => {
          let limit = 4;
          const limiter = limiterReporting(() => limit);
          const stage = rateLimitStage(limiter);
          let atMs = 0;
          for (const step of steps) {
            atMs += step.gapMs;
            limit = step.limit;
            const outcome = stage.run(createContext({ path: '/', apiKey: step.key }, atMs, false));
            const after = limiter.snapshot(step.key, atMs);
            expect(outcome.note).toBe(
              outcome.verdict === 'pass'
                ? `${after.remaining} of ${limit} left`
                : `limit of ${limit} reached; retry in ${toRetryAfterSeconds(after.msUntilAllowed)} s`,
            );
          }
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });
});

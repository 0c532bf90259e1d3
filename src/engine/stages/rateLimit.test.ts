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

  it('remembers outcomes by number only where the note reads the same as one made afresh', () => {
    // Any number a custom limiter may report: fractions, negatives, -0, past the table's end.
    const number = fc.oneof(
      fc.integer({ min: 0, max: 8 }),
      fc.integer({ min: -3, max: 1500 }),
      fc.double({ min: -10, max: 5e6, noNaN: true }),
      fc.constantFrom(-0, 1023, 1024),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), number, number, fc.constantFrom(3, 5)), {
          minLength: 1,
          maxLength: 60,
        }),
        (steps) => {
          let step = steps[0] as (typeof steps)[number];
          const scripted: RateLimitAlgorithm = {
            algorithm: 'fixed-window',
            policy: { quota: 5, windowSeconds: 1 },
            lastDelayMs: 0,
            allowRequest: () => step[0],
            snapshot: () => ({
              limit: step[3],
              remaining: step[1],
              msUntilAllowed: step[2],
              msUntilNextSlot: step[2],
              marks: [],
            }),
            evictIdle: () => 0,
            clientCount: 0,
          };
          const stage = rateLimitStage(scripted);
          for (const each of [...steps, ...steps]) {
            step = each;
            const [allowed, remaining, ms, limit] = each;
            const outcome = stage.run(createContext({ path: '/', apiKey: 'k' }, 0, false));
            expect(outcome.verdict).toBe(allowed ? 'pass' : 'refuse');
            expect(outcome.note).toBe(
              allowed
                ? `${remaining} of ${limit} left`
                : `limit of ${limit} reached; retry in ${toRetryAfterSeconds(ms)} s`,
            );
          }
        },
      ),
      { seed: 6, numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LESSON_PROFILE, policyWindowSeconds, toRetryAfterSeconds } from './lesson';

const RUNS = { seed: 9, numRuns: 500 } as const;

/** What the lesson's headers say, written out as the IETF draft gives them. */
function expected(
  allowed: boolean,
  quota: number,
  windowSeconds: number,
  remaining: number,
  ms: number,
) {
  const headers: Record<string, string> = {
    'RateLimit-Policy': `"default";q=${quota};w=${policyWindowSeconds(windowSeconds)}`,
    RateLimit: `"default";r=${remaining};t=${Math.ceil(ms / 1000)}`,
  };
  if (!allowed) headers['Retry-After'] = String(toRetryAfterSeconds(ms));
  return headers;
}

describe('the lesson rate-limit headers', () => {
  // The values are remembered by number (see rateLimitValue): asked again, or for numbers the
  // table does not hold (fractions, negatives, big ones), they must read as if built afresh.
  it('read the same whether built afresh or remembered', () => {
    const number = fc.oneof(
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: -5, max: 5000 }),
      fc.double({ min: -2000, max: 3e6, noNaN: true }),
      fc.constantFrom(-0, 1023, 1024, 1023.5),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), number, number, fc.integer({ min: 1, max: 9 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (reports) => {
          for (const [allowed, remaining, msUntil, quota] of reports) {
            for (let twice = 0; twice < 2; twice++) {
              const headers: Record<string, string> = {};
              LESSON_PROFILE.rateLimitHeaders(headers, {
                allowed,
                quota,
                windowSeconds: 60,
                atMs: 0,
                after: {
                  limit: quota,
                  remaining,
                  msUntilAllowed: msUntil,
                  msUntilNextSlot: msUntil,
                  windowStartMs: 0,
                },
              });
              expect(headers).toEqual(expected(allowed, quota, 60, remaining, msUntil));
              expect(Object.keys(headers)).toEqual(
                Object.keys(expected(allowed, quota, 60, remaining, msUntil)),
              );
            }
          }
        },
      ),
      RUNS,
    );
  });
});

import fc from 'fast-check';
import type { LimiterCase } from './types';

/** Fixed, so every run tries the same traces and the host can regenerate them. */
export const RANDOM_SEED = 20_240_601;
export const RANDOM_TRACE_COUNT = 1000;

/**
 * Small limits, tiny windows and gaps of the same size as the window, so window edges (including
 * "exactly windowMs later") come up often. Two clients, times never decreasing.
 */
export const limiterCaseArbitrary: fc.Arbitrary<LimiterCase> = fc
  .record({
    maxRequests: fc.integer({ min: 1, max: 4 }),
    windowMs: fc.integer({ min: 1, max: 20 }),
    startMs: fc.integer({ min: 0, max: 1000 }),
    steps: fc.array(
      fc.record({
        clientId: fc.constantFrom('alice', 'bob'),
        gapMs: fc.integer({ min: 0, max: 25 }),
      }),
      { maxLength: 30 },
    ),
  })
  .map(({ maxRequests, windowMs, startMs, steps }) => {
    let timestampMs = startMs;
    const calls = steps.map(({ clientId, gapMs }) => {
      timestampMs += gapMs;
      return { clientId, timestampMs };
    });
    return { maxRequests, windowMs, calls };
  });

/** The traces every grading run compares, always the same ones. */
export function randomTraces(): LimiterCase[] {
  return fc.sample(limiterCaseArbitrary, { seed: RANDOM_SEED, numRuns: RANDOM_TRACE_COUNT });
}

/**
 * Searches (same seed) for a trace where `agrees` is false and shrinks it to a minimal one:
 * fewest calls, smallest numbers. Returns null when every trace agrees.
 */
export function shrinkDisagreement(
  agrees: (limiterCase: LimiterCase) => boolean,
): LimiterCase | null {
  const details = fc.check(fc.property(limiterCaseArbitrary, agrees), {
    seed: RANDOM_SEED,
    numRuns: RANDOM_TRACE_COUNT,
  });
  return details.failed && details.counterexample ? details.counterexample[0] : null;
}

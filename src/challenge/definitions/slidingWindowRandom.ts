import fc from 'fast-check';
import type { LimiterCase } from '../types';
import { timedCalls } from './timedCalls';

/** Fixed, so every run tries the same traces and the judge can regenerate them. */
export const RANDOM_SEED = 20_240_601;
export const RANDOM_TRACE_COUNT = 1000;

/** Traces with a limit and window drawn from these ranges, calls with gaps up to `maxGapMs`. */
function traces(shape: {
  readonly maxRequests: { readonly min: number; readonly max: number };
  readonly windowMs: { readonly min: number; readonly max: number };
  readonly clients: readonly string[];
  readonly maxGapMs: number;
  readonly maxCalls: number;
  readonly size?: 'max';
}): fc.Arbitrary<LimiterCase> {
  return fc.record({
    maxRequests: fc.integer(shape.maxRequests),
    windowMs: fc.integer(shape.windowMs),
    calls: timedCalls({
      clients: shape.clients,
      gapUnits: fc.integer({ min: 0, max: shape.maxGapMs }),
      unitMs: 1,
      maxStartUnits: 1000,
      maxCalls: shape.maxCalls,
      ...(shape.size ? { size: shape.size } : {}),
    }),
  });
}

/**
 * Window edges: small limits, tiny windows and gaps of the same size as the window, so "exactly
 * windowMs later" comes up often.
 */
const edgeTraces = traces({
  maxRequests: { min: 1, max: 4 },
  windowMs: { min: 1, max: 20 },
  clients: ['alice', 'bob'],
  maxGapMs: 25,
  maxCalls: 30,
});

/**
 * Limits drawn from a wide range (up to 64) with enough calls inside one window to reach them, so
 * a solution that caps the limit or keeps a fixed number of timestamps is caught.
 */
const highLimitTraces = traces({
  maxRequests: { min: 5, max: 64 },
  windowMs: { min: 50, max: 2000 },
  clients: ['alice', 'bob', 'carol'],
  maxGapMs: 30,
  maxCalls: 160,
  size: 'max',
});

export const limiterCaseArbitrary: fc.Arbitrary<LimiterCase> = fc.oneof(
  edgeTraces,
  highLimitTraces,
);

/** The traces every grading run compares, always the same ones. */
export function randomTraces(): LimiterCase[] {
  return fc.sample(limiterCaseArbitrary, { seed: RANDOM_SEED, numRuns: RANDOM_TRACE_COUNT });
}

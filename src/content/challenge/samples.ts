import type { LimiterCase } from '../../challenge/types';

/** A test the learner can read in full: the calls and the answers expected. */
export interface SampleTest extends LimiterCase {
  readonly name: string;
  readonly expected: readonly boolean[];
}

/**
 * The visible sample tests, which double as the statement's worked examples. The expected answers
 * are written out by hand; a unit test checks them against the reference limiter.
 */
export const SAMPLE_TESTS: readonly SampleTest[] = [
  {
    name: 'Sample 1: the fourth request in a window is refused',
    maxRequests: 3,
    windowMs: 1000,
    calls: [
      { clientId: 'alice', timestampMs: 0 },
      { clientId: 'alice', timestampMs: 200 },
      { clientId: 'alice', timestampMs: 400 },
      { clientId: 'alice', timestampMs: 600 },
    ],
    expected: [true, true, true, false],
  },
  {
    name: 'Sample 2: the window slides, one request at a time',
    maxRequests: 2,
    windowMs: 1000,
    calls: [
      { clientId: 'alice', timestampMs: 0 },
      { clientId: 'alice', timestampMs: 500 },
      { clientId: 'alice', timestampMs: 900 },
      { clientId: 'alice', timestampMs: 1000 },
      { clientId: 'alice', timestampMs: 1200 },
      { clientId: 'alice', timestampMs: 1500 },
    ],
    expected: [true, true, false, true, false, true],
  },
];

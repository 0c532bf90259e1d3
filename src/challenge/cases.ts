import { SAMPLE_TESTS } from '../content/challenge/samples';
import { hiddenTests } from './hiddenSuite';
import type { LimiterCase } from './types';

/** A graded case: samples first, then the hidden suite. */
export interface GradedCase extends LimiterCase {
  readonly name: string;
  readonly visible: boolean;
}

/** Every graded case, in report order. */
export function gradedCases(): GradedCase[] {
  return [
    ...SAMPLE_TESTS.map((t) => ({ ...t, visible: true })),
    ...hiddenTests().map((t) => ({ ...t, visible: false })),
  ];
}

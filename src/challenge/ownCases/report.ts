import type { SourceProblem } from '../types';

/** One call of a learner's own case: every value computed by the judge, shown as code prints it. */
export interface OwnCaseRow {
  /** The call as code: `allowRequest("alice", 500)`. */
  readonly call: string;
  /** What the learner's code returned (`threw`, `not reached` when it stopped earlier). */
  readonly yours: string;
  /** What the learner wrote they expect, or null when they gave no expectations. */
  readonly yourExpectation: string | null;
  /** The reference's answer. */
  readonly reference: string;
  readonly yoursDiffers: boolean;
  readonly expectationDiffers: boolean;
}

/** The judge's answer for one of the learner's cases. */
export interface OwnCaseResult {
  /** The case's place in the learner's list, 1-based. */
  readonly number: number;
  /** Why the case was not run (a field that does not parse), or null. */
  readonly invalid: string | null;
  /** The case's settings in words: "maxRequests 2, windowMs 1000". */
  readonly settings: string;
  readonly rows: readonly OwnCaseRow[];
  /** The learner's code answered every call as the reference does. */
  readonly agrees: boolean;
  /** What the rows show, in a sentence or two. */
  readonly summary: string;
}

export interface OwnCasesReport {
  readonly results: readonly OwnCaseResult[];
  /** Set when the code could not run at all (syntax error, missing class, …). */
  readonly problem: SourceProblem | null;
  readonly logs: readonly string[];
  readonly durationMs: number;
}

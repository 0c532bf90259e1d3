import type fc from 'fast-check';
import type { LearnerEntry, LearnerTrace } from '../../sandbox/learnerProtocol';
import type { OwnCaseForm } from '../ownCases/types';
import type { LimiterCase } from '../types';

/** What one call of the learner's code returns. */
export type CallOutput = boolean | string | null;

/** A graded case: the samples first (visible), then the hidden suite. */
export interface GradedCase<Case> {
  readonly name: string;
  readonly visible: boolean;
  readonly challengeCase: Case;
  /**
   * The test checks that answers do not depend on the wall clock: the case runs twice, under two
   * different clocks, and fails only if the answers differ (judge.ts, clockTest.ts).
   */
  readonly checksClock?: boolean;
}

/** The text a learner reads: statement, starter, samples, model solution and its explanation. */
export interface ChallengeContent {
  readonly title: string;
  /** The task, with `backticks` marking code. */
  readonly task: string;
  readonly rules: readonly string[];
  readonly starterCode: string;
  readonly modelSolution: string;
  readonly modelExplanation: readonly string[];
  /** The editor's accessible name, e.g. "Your RateLimiter code". */
  readonly editorLabel: string;
}

/**
 * A coding challenge as data: how the learner's code is reached, the cases it is graded on, how
 * random cases are drawn, and the reference that answers them. The harness and the judge are
 * generic over it (challenge/judge.ts). The reference runs only in the judge's realm.
 */
export interface ChallengeDefinition<Case> {
  readonly id: string;
  readonly entry: LearnerEntry;
  readonly content: ChallengeContent;
  /** Samples (visible) then the hidden suite, in report order. */
  gradedCases(): GradedCase<Case>[];
  readonly random: {
    readonly arbitrary: fc.Arbitrary<Case>;
    readonly seed: number;
    readonly count: number;
  };
  /** The constructor arguments and call arguments the learner side runs. */
  toTrace(challengeCase: Case): LearnerTrace;
  /** The reference's answer for every call. */
  expected(challengeCase: Case): CallOutput[];
  /** The call at `index`, as code: `allowRequest("alice", 5)`. */
  callText(challengeCase: Case, index: number): string;
  /** The case's settings in words: "maxRequests 3, windowMs 1000". */
  settingsText(challengeCase: Case): string;
  /** Why the reference answers what it does at `index`, in one sentence. */
  whyExpected(challengeCase: Case, index: number): string;
  /** How the learner writes cases of their own (the same form the page shows). */
  readonly ownCase: OwnCaseForm<Case>;
  /** A limiter case the playground can replay, for challenges whose cases are one. */
  replayable?(challengeCase: Case): LimiterCase | null;
}

/** A definition with its case type hidden, for lists of challenges. */
export type AnyChallengeDefinition = ChallengeDefinition<unknown>;

/** Hides a definition's case type; the judge only passes each case back to its own definition. */
export function anyDefinition<Case>(definition: ChallengeDefinition<Case>): AnyChallengeDefinition {
  return definition as unknown as AnyChallengeDefinition;
}

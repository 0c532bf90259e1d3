import type { StateCreator } from 'zustand';
import type { ChallengeReport } from '../challenge/types';
import type { SandboxError } from '../sandbox/protocol';
import type { AppState } from './index';

/** Where the last grading run stands; only the draft and the pass are saved. */
export type ChallengeRun =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly step: string | null }
  | { readonly status: 'graded'; readonly report: ChallengeReport }
  | { readonly status: 'failed'; readonly error: SandboxError };

/** The learner's limiter in the playground: off, on, or switched off by an error. */
export interface LearnerLimiterState {
  readonly active: boolean;
  /** A note for the learner, e.g. why it was switched off or a call that did not match. */
  readonly note: string | null;
  /** Limits the learner's limiter runs with instead of the settings (a replay's test case). */
  readonly limits?: LimiterLimits;
}

/** A limit and its window: the settings', or a replay's own. */
export interface LimiterLimits {
  readonly maxRequests: number;
  readonly windowMs: number;
}

/**
 * The limits the playground's limiter runs with: a replay gives the learner's limiter its test
 * case's limits without touching the learner's settings.
 */
export function limiterLimits(
  state: Pick<ChallengeSlice, 'learnerLimiter'> & {
    settings: LimiterLimits;
  },
): LimiterLimits {
  const { learnerLimiter, settings } = state;
  if (learnerLimiter.active && learnerLimiter.limits !== undefined) return learnerLimiter.limits;
  return { maxRequests: settings.maxRequests, windowMs: settings.windowMs };
}

/** The coding challenge: the learner's draft (saved), whether it has passed, and the last run. */
export interface ChallengeSlice {
  challengeDraft: string | null;
  challengePassed: boolean;
  challengeRun: ChallengeRun;
  /** Runs finished in this visit; the model solution is offered only after one. */
  challengeRunCount: number;
  learnerLimiter: LearnerLimiterState;
  setChallengeDraft: (source: string) => void;
  setChallengePassed: (passed: boolean) => void;
  setChallengeRun: (run: ChallengeRun) => void;
  setLearnerLimiter: (state: LearnerLimiterState) => void;
}

export const createChallengeSlice: StateCreator<AppState, [], [], ChallengeSlice> = (set) => ({
  challengeDraft: null,
  challengePassed: false,
  challengeRun: { status: 'idle' },
  challengeRunCount: 0,
  learnerLimiter: { active: false, note: null },
  setChallengeDraft: (source) => set({ challengeDraft: source }),
  setChallengePassed: (passed) => set({ challengePassed: passed }),
  setChallengeRun: (run) =>
    set((state) => ({
      challengeRun: run,
      challengeRunCount:
        run.status === 'graded' || run.status === 'failed'
          ? state.challengeRunCount + 1
          : state.challengeRunCount,
    })),
  setLearnerLimiter: (learnerLimiter) => set({ learnerLimiter }),
});

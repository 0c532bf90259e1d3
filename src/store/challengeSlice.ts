import type { StateCreator } from 'zustand';
import type { ChallengeReport } from '../challenge/types';
import { FIRST_CHALLENGE_ID, type ChallengeId } from '../content/challenges';
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

/** One challenge's saved progress: the learner's code and whether it has passed. */
export interface ChallengeProgress {
  readonly draft: string | null;
  readonly passed: boolean;
}

/** The coding challenges: each one's saved progress, the one on screen, and its last run. */
export interface ChallengeSlice {
  challengeProgress: Partial<Record<ChallengeId, ChallengeProgress>>;
  activeChallengeId: ChallengeId;
  challengeRun: ChallengeRun;
  /** Runs finished in this visit; the model solution is offered only after one. */
  challengeRunCount: number;
  learnerLimiter: LearnerLimiterState;
  setChallengeDraft: (id: ChallengeId, source: string) => void;
  setChallengePassed: (id: ChallengeId, passed: boolean) => void;
  /** Shows another challenge; its last run starts afresh. */
  setActiveChallenge: (id: ChallengeId) => void;
  setChallengeRun: (run: ChallengeRun) => void;
  setLearnerLimiter: (state: LearnerLimiterState) => void;
}

const NO_PROGRESS: ChallengeProgress = { draft: null, passed: false };

/** The saved progress of challenge `id` (none yet: no draft, not passed). */
export function progressOf(state: Pick<ChallengeSlice, 'challengeProgress'>, id: ChallengeId) {
  return state.challengeProgress[id] ?? NO_PROGRESS;
}

export const createChallengeSlice: StateCreator<AppState, [], [], ChallengeSlice> = (set) => ({
  challengeProgress: {},
  activeChallengeId: FIRST_CHALLENGE_ID,
  challengeRun: { status: 'idle' },
  challengeRunCount: 0,
  learnerLimiter: { active: false, note: null },
  setChallengeDraft: (id, draft) =>
    set((state) => ({
      challengeProgress: { ...state.challengeProgress, [id]: { ...progressOf(state, id), draft } },
    })),
  setChallengePassed: (id, passed) =>
    set((state) => ({
      challengeProgress: { ...state.challengeProgress, [id]: { ...progressOf(state, id), passed } },
    })),
  setActiveChallenge: (id) =>
    set((state) =>
      state.activeChallengeId === id || state.challengeRun.status === 'running'
        ? {}
        : { activeChallengeId: id, challengeRun: { status: 'idle' }, challengeRunCount: 0 },
    ),
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

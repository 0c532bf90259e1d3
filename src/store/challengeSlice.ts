import type { StateCreator } from 'zustand';
import type { OwnCasesReport } from '../challenge/ownCases/report';
import type { OwnCaseDraft } from '../challenge/ownCases/types';
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

/** Where the last run of the learner's own cases stands (never saved). */
export type OwnCaseRun =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly challengeId: ChallengeId }
  | {
      readonly status: 'done';
      readonly challengeId: ChallengeId;
      /** The cases as they were run, so an edit since can be pointed out. */
      readonly cases: readonly OwnCaseDraft[];
      readonly report: OwnCasesReport;
    }
  | { readonly status: 'failed'; readonly challengeId: ChallengeId; readonly error: SandboxError };

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

/** One challenge's saved progress: the learner's code, whether it has passed, their own cases. */
export interface ChallengeProgress {
  readonly draft: string | null;
  readonly passed: boolean;
  /** The learner's own test cases, as typed (added after version 3; older saves have none). */
  readonly ownCases?: readonly OwnCaseDraft[];
}

/** The coding challenges: each one's saved progress, the one on screen, and its last run. */
export interface ChallengeSlice {
  challengeProgress: Partial<Record<ChallengeId, ChallengeProgress>>;
  activeChallengeId: ChallengeId;
  challengeRun: ChallengeRun;
  /** Runs finished in this visit; the model solution is offered only after one. */
  challengeRunCount: number;
  learnerLimiter: LearnerLimiterState;
  ownCaseRun: OwnCaseRun;
  setChallengeDraft: (id: ChallengeId, source: string) => void;
  setChallengePassed: (id: ChallengeId, passed: boolean) => void;
  /** Shows another challenge; its last run starts afresh. */
  setActiveChallenge: (id: ChallengeId) => void;
  setChallengeRun: (run: ChallengeRun) => void;
  setLearnerLimiter: (state: LearnerLimiterState) => void;
  /** Replaces challenge `id`'s own cases (kept as typed, even when they do not parse yet). */
  setOwnCases: (id: ChallengeId, cases: readonly OwnCaseDraft[]) => void;
  setOwnCaseRun: (run: OwnCaseRun) => void;
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
  ownCaseRun: { status: 'idle' },
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
        : {
            activeChallengeId: id,
            challengeRun: { status: 'idle' },
            challengeRunCount: 0,
            ownCaseRun: { status: 'idle' },
          },
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
  setOwnCases: (id, ownCases) =>
    set((state) => ({
      challengeProgress: {
        ...state.challengeProgress,
        [id]: { ...progressOf(state, id), ownCases },
      },
    })),
  setOwnCaseRun: (ownCaseRun) => set({ ownCaseRun }),
});

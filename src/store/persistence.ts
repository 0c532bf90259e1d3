import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware';
import type { AppState } from './index';
import { FIRST_CHALLENGE_ID, isChallengeId } from '../content/challenges';
import type { ChallengeProgress } from './challengeSlice';
import type { ExperimentStatus, QuizAnswer, RestoreProblem } from './progressSlice';

/** What is saved in localStorage: progress only, never the engine or the log. */
export type SavedState = Pick<
  AppState,
  'experiments' | 'quizAnswers' | 'challengeProgress' | 'activeChallengeId'
>;

export const STORAGE_KEY = 'gateway-playground';
/**
 * 1: experiments and the challenge; 2: adds quiz answers; 3: progress per challenge (the one
 * draft and pass of 1 and 2 become the sliding window's).
 */
export const STORAGE_VERSION = 3;

const STATUSES: readonly ExperimentStatus[] = ['not-started', 'in-progress', 'done'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isQuizAnswer(value: unknown): value is QuizAnswer {
  return (
    isRecord(value) &&
    typeof value['correct'] === 'boolean' &&
    Array.isArray(value['choice']) &&
    value['choice'].every((choice) => typeof choice === 'string')
  );
}

function isChallengeProgress(value: unknown): value is ChallengeProgress {
  return (
    isRecord(value) &&
    (value['draft'] === null || typeof value['draft'] === 'string') &&
    typeof value['passed'] === 'boolean'
  );
}

/** True when `value` has exactly the saved fields with the right types. */
export function isSavedState(value: unknown): value is SavedState {
  if (!isRecord(value)) return false;
  const { experiments, quizAnswers, challengeProgress, activeChallengeId } = value;
  return (
    isRecord(experiments) &&
    Object.values(experiments).every((s) => STATUSES.includes(s as ExperimentStatus)) &&
    isRecord(quizAnswers) &&
    Object.values(quizAnswers).every(isQuizAnswer) &&
    isRecord(challengeProgress) &&
    Object.entries(challengeProgress).every(
      ([id, progress]) => isChallengeId(id) && isChallengeProgress(progress),
    ) &&
    isChallengeId(activeChallengeId)
  );
}

/**
 * Saves of versions 1 and 2 → 3: quiz answers default to none (1), and the single challenge's
 * draft and pass move under the sliding window, kept as they were. Anything else is left as it
 * is for the shape check to judge.
 */
export function migrateSaved(persisted: unknown, version: number): unknown {
  if ((version !== 1 && version !== 2) || !isRecord(persisted)) return persisted;
  const { challengeDraft, challengePassed, ...rest } = persisted;
  const hadProgress = challengeDraft !== undefined || challengePassed !== undefined;
  return {
    quizAnswers: {},
    ...rest,
    challengeProgress: hadProgress
      ? {
          [FIRST_CHALLENGE_ID]: { draft: challengeDraft ?? null, passed: challengePassed ?? false },
        }
      : {},
    activeChallengeId: FIRST_CHALLENGE_ID,
  };
}

/**
 * Persist options over `getStorage`. Unusable saved progress (not JSON, not the persist envelope,
 * an unknown version, wrong field types) is dropped: the app starts fresh and `restoreProblem`
 * says why, so the page can tell the learner instead of failing.
 */
export function createPersistOptions(
  getStorage: () => StateStorage,
): PersistOptions<AppState, SavedState> {
  let problem: RestoreProblem | null = null;
  let lastWritten: string | null = null;

  const checkedStorage = (): StateStorage => {
    const storage = getStorage();
    return {
      getItem: (name) => {
        problem = null;
        const raw = storage.getItem(name);
        if (typeof raw !== 'string') return null;
        try {
          const envelope: unknown = JSON.parse(raw);
          if (isRecord(envelope) && typeof envelope['version'] === 'number') return raw;
        } catch {
          // Falls through: the saved text is not JSON.
        }
        problem = 'corrupt';
        return null;
      },
      setItem: (name, value) => {
        // The store changes every animation frame while playing; the saved part rarely does.
        if (value === lastWritten) return;
        try {
          storage.setItem(name, value);
          lastWritten = value;
        } catch {
          // Storage full or disabled (private mode): progress stays in memory for this visit.
        }
      },
      removeItem: (name) => {
        lastWritten = null;
        storage.removeItem(name);
      },
    };
  };

  return {
    name: STORAGE_KEY,
    version: STORAGE_VERSION,
    storage: createJSONStorage<SavedState>(checkedStorage),
    partialize: (state) => ({
      experiments: state.experiments,
      quizAnswers: state.quizAnswers,
      challengeProgress: state.challengeProgress,
      activeChallengeId: state.activeChallengeId,
    }),
    migrate: (persisted, version) => {
      if (version === 1 || version === 2) return migrateSaved(persisted, version) as SavedState;
      problem = 'unknown-version';
      return persisted as SavedState;
    },
    merge: (persisted, current) => {
      if (problem !== null) return { ...current, restoreProblem: problem };
      if (persisted === undefined) return current;
      if (!isSavedState(persisted)) return { ...current, restoreProblem: 'wrong-shape' };
      return { ...current, ...persisted, restoreProblem: null };
    },
  };
}

export const persistOptions = createPersistOptions(() => localStorage);

import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware';
import type { AppState } from './index';
import type { ExperimentStatus, QuizAnswer, RestoreProblem } from './progressSlice';

/** What is saved in localStorage: progress only, never the engine or the log. */
export type SavedState = Pick<
  AppState,
  'experiments' | 'quizAnswers' | 'challengeDraft' | 'challengePassed'
>;

export const STORAGE_KEY = 'gateway-playground';
/** 1: experiments and the challenge; 2: adds quiz answers. */
export const STORAGE_VERSION = 2;

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

/** True when `value` has exactly the saved fields with the right types. */
export function isSavedState(value: unknown): value is SavedState {
  if (!isRecord(value)) return false;
  const { experiments, quizAnswers, challengeDraft, challengePassed } = value;
  return (
    isRecord(experiments) &&
    Object.values(experiments).every((s) => STATUSES.includes(s as ExperimentStatus)) &&
    isRecord(quizAnswers) &&
    Object.values(quizAnswers).every(isQuizAnswer) &&
    (challengeDraft === null || typeof challengeDraft === 'string') &&
    typeof challengePassed === 'boolean'
  );
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
      challengeDraft: state.challengeDraft,
      challengePassed: state.challengePassed,
    }),
    migrate: (persisted, version) => {
      if (version === 1 && isRecord(persisted))
        return { quizAnswers: {}, ...persisted } as SavedState;
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

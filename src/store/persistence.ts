import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware';
import { sameRoute, type Route } from '../engine/routing';
import { INITIAL_ROUTES } from '../content/services';
import type { AppState } from './index';
import type { ExperimentStatus, QuizAnswer, RestoreProblem } from './progressSlice';

/** What is saved in localStorage: progress only, never the engine or the log. */
export type SavedState = Pick<
  AppState,
  | 'experiments'
  | 'quizAnswers'
  | 'challengeDraft'
  | 'challengePassed'
  | 'experimentFeedback'
  | 'lookupDraft'
> & {
  /** Routes the learner added to the starting table (experiment 3's work). */
  readonly learnerRoutes: readonly Route[];
};

export const STORAGE_KEY = 'gateway-playground';
/**
 * 1: experiments and the challenge; 2: adds quiz answers; 3: adds finished experiments' feedback,
 * the learner's route lookup and the routes the learner added.
 */
export const STORAGE_VERSION = 3;

/** Fields version 3 added, as a version-2 save had them: nothing yet. */
const ADDED_IN_3: Pick<SavedState, 'experimentFeedback' | 'lookupDraft' | 'learnerRoutes'> = {
  experimentFeedback: {},
  lookupDraft: null,
  learnerRoutes: [],
};

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

function isRoute(value: unknown): value is Route {
  return (
    isRecord(value) &&
    typeof value['path'] === 'string' &&
    typeof value['serviceUrl'] === 'string' &&
    (value['match'] === 'exact' || value['match'] === 'prefix')
  );
}

/** True when `value` has exactly the saved fields with the right types. */
export function isSavedState(value: unknown): value is SavedState {
  if (!isRecord(value)) return false;
  const { experiments, quizAnswers, challengeDraft, challengePassed } = value;
  const { experimentFeedback, lookupDraft, learnerRoutes } = value;
  return (
    isRecord(experimentFeedback) &&
    Object.values(experimentFeedback).every((text) => typeof text === 'string') &&
    (lookupDraft === null || typeof lookupDraft === 'string') &&
    Array.isArray(learnerRoutes) &&
    learnerRoutes.every(isRoute) &&
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
      experimentFeedback: state.experimentFeedback,
      lookupDraft: state.lookupDraft,
      learnerRoutes: state.routes.filter(
        (route) => !INITIAL_ROUTES.some((initial) => sameRoute(initial, route)),
      ),
    }),
    migrate: (persisted, version) => {
      if (version === 1 && isRecord(persisted))
        return { quizAnswers: {}, ...ADDED_IN_3, ...persisted } as SavedState;
      if (version === 2 && isRecord(persisted))
        return { ...ADDED_IN_3, ...persisted } as SavedState;
      problem = 'unknown-version';
      return persisted as SavedState;
    },
    merge: (persisted, current) => {
      if (problem !== null) return { ...current, restoreProblem: problem };
      if (persisted === undefined) return current;
      if (!isSavedState(persisted)) return { ...current, restoreProblem: 'wrong-shape' };
      const { learnerRoutes, ...progress } = persisted;
      return {
        ...current,
        ...progress,
        routes: withLearnerRoutes(current, learnerRoutes),
        restoreProblem: null,
      };
    },
  };
}

/**
 * Puts the saved learner routes back into the playground's gateway, which was just built and has
 * seen no traffic. A route the gateway refuses now (e.g. it clashes with a starting one) is left out.
 */
function withLearnerRoutes(current: AppState, learnerRoutes: readonly Route[]): readonly Route[] {
  for (const route of learnerRoutes) {
    try {
      current.gateway.addRoute(route);
    } catch {
      // A SettingError: the saved route no longer fits the table; the rest still come back.
    }
  }
  return [...current.gateway.getRoutes()];
}

export const persistOptions = createPersistOptions(() => localStorage);

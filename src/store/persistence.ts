import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware';
import { sameRoute, type Route } from '../engine/routing';
import { INITIAL_ROUTES } from '../content/services';
import { FIRST_CHALLENGE_ID, isChallengeId } from '../content/challenges';
import { isOwnCaseDraftList } from '../challenge/ownCases/types';
import type { ChallengeProgress } from './challengeSlice';
import type { AppState } from './index';
import { PLAYGROUND_SEED } from './playgroundSlice';
import { emptyHistory } from './rewind';
import type { ExperimentStatus, QuizAnswer, RestoreProblem, SaveProblem } from './progressSlice';

/** What is saved in localStorage: progress only, never the engine or the log. */
export type SavedState = Pick<
  AppState,
  | 'experiments'
  | 'quizAnswers'
  | 'challengeProgress'
  | 'activeChallengeId'
  | 'experimentFeedback'
  | 'lookupDraft'
> & {
  /** Routes the learner added to the starting table (experiment 3's work). */
  readonly learnerRoutes: readonly Route[];
};

export const STORAGE_KEY = 'gateway-playground';
/**
 * 1: experiments and the challenge; 2: adds quiz answers; 3: progress per challenge (the one
 * draft and pass of 1 and 2 become the sliding window's), finished experiments' feedback, the
 * learner's route lookup and the routes the learner added. A challenge's own test cases came later
 * as an optional field: saves without them load as they are, so the version stayed 3.
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

/** The learner's own cases are optional: a save from before they existed has none, and loads. */
function isChallengeProgress(value: unknown): value is ChallengeProgress {
  return (
    isRecord(value) &&
    (value['draft'] === null || typeof value['draft'] === 'string') &&
    typeof value['passed'] === 'boolean' &&
    (value['ownCases'] === undefined || isOwnCaseDraftList(value['ownCases']))
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
  const { experiments, quizAnswers, challengeProgress, activeChallengeId } = value;
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
    isRecord(challengeProgress) &&
    Object.entries(challengeProgress).every(
      ([id, progress]) => isChallengeId(id) && isChallengeProgress(progress),
    ) &&
    isChallengeId(activeChallengeId)
  );
}

/** The part of the state that is saved (and exported to a file). */
export function savedPart(state: AppState): SavedState {
  return {
    experiments: state.experiments,
    quizAnswers: state.quizAnswers,
    challengeProgress: state.challengeProgress,
    activeChallengeId: state.activeChallengeId,
    experimentFeedback: state.experimentFeedback,
    lookupDraft: state.lookupDraft,
    learnerRoutes: state.routes.filter(
      (route) => !INITIAL_ROUTES.some((initial) => sameRoute(initial, route)),
    ),
  };
}

/** Generated questions renamed in version 3 (they now say "has used its whole quota"). */
const RENAMED_QUESTIONS: Readonly<Record<string, string>> = {
  'predict-keyless-after-burst': 'predict-keyless-after-quota',
  'predict-unknown-path': 'predict-unknown-path-after-quota',
};

function renamedQuestions(answers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(answers).map(([id, answer]) => [RENAMED_QUESTIONS[id] ?? id, answer]),
  );
}

/**
 * Saves of versions 1 and 2 → 3: quiz answers default to none (1), the single challenge's draft and
 * pass move under the sliding window, kept as they were, and what ADDED_IN_3 lists starts empty.
 * Anything else is left as it is for the shape check to judge.
 */
export function upgradeSaved(state: unknown, version: number): unknown {
  if ((version !== 1 && version !== 2) || !isRecord(state)) return state;
  const { challengeDraft, challengePassed, ...rest } = state;
  const hadProgress = challengeDraft !== undefined || challengePassed !== undefined;
  return {
    quizAnswers: {},
    ...ADDED_IN_3,
    ...rest,
    ...(isRecord(rest['quizAnswers'])
      ? { quizAnswers: renamedQuestions(rest['quizAnswers']) }
      : {}),
    challengeProgress: hadProgress
      ? {
          [FIRST_CHALLENGE_ID]: { draft: challengeDraft ?? null, passed: challengePassed ?? false },
        }
      : {},
    activeChallengeId: FIRST_CHALLENGE_ID,
  };
}

function saveProblemOf(error: unknown): SaveProblem {
  return error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
    ? 'full'
    : 'unavailable';
}

/** Stands in when the browser refuses access to storage at all (e.g. site data blocked). */
function unavailableStorage(reason: unknown): StateStorage {
  return {
    getItem: () => null,
    setItem: () => {
      throw reason;
    },
    removeItem: () => undefined,
  };
}

/**
 * Persist options over `getStorage`. Unusable saved progress (not JSON, not the persist envelope,
 * an unknown version, wrong field types) is dropped: the app starts fresh and `restoreProblem`
 * says why, so the page can tell the learner instead of failing. Progress saved by a newer
 * version is never written over: this visit runs in memory only. A save that fails is reported
 * through `reportSaveProblem` once (and `null` once saving works again), never thrown or logged
 * per write.
 */
export function createPersistOptions(
  getStorage: () => StateStorage,
  reportSaveProblem: (problem: SaveProblem | null) => void = () => undefined,
): PersistOptions<AppState, SavedState> {
  let problem: RestoreProblem | null = null;
  /** The last text handed to storage, written or not: the same text is not tried again. */
  let lastTried: string | null = null;
  let reported: SaveProblem | null = null;
  /** True once a newer version's save was found: it must stay as it is. */
  let keepSaved = false;

  // Reported after the store update that tried to save has finished, never inside it.
  const report = (next: SaveProblem | null) => {
    if (next === reported) return;
    reported = next;
    queueMicrotask(() => reportSaveProblem(next));
  };

  const checkedStorage = (): StateStorage => {
    let storage: StateStorage;
    try {
      storage = getStorage();
    } catch (error) {
      storage = unavailableStorage(error);
      // Said at once, not at the first change: nothing of this visit can be kept.
      report('unavailable');
    }
    return {
      getItem: (name) => {
        problem = null;
        let raw: ReturnType<StateStorage['getItem']>;
        try {
          raw = storage.getItem(name);
        } catch {
          return null;
        }
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
        if (keepSaved || value === lastTried) return;
        lastTried = value;
        try {
          storage.setItem(name, value);
          report(null);
        } catch (error) {
          // Storage full or disabled (private mode): progress stays in memory for this visit.
          report(saveProblemOf(error));
        }
      },
      removeItem: (name) => {
        if (keepSaved) return;
        lastTried = null;
        try {
          storage.removeItem(name);
        } catch {
          // Nothing saved can be removed from a storage that cannot be reached.
        }
      },
    };
  };

  return {
    name: STORAGE_KEY,
    version: STORAGE_VERSION,
    storage: createJSONStorage<SavedState>(checkedStorage),
    partialize: savedPart,
    migrate: (persisted, version) => {
      if (version > STORAGE_VERSION) {
        problem = 'newer-version';
        keepSaved = true;
      } else if (version !== 1 && version !== 2) {
        problem = 'unknown-version';
      }
      return upgradeSaved(persisted, version) as SavedState;
    },
    merge: (persisted, current) => {
      if (problem !== null) return { ...current, restoreProblem: problem };
      if (persisted === undefined) return current;
      if (!isSavedState(persisted)) return { ...current, restoreProblem: 'wrong-shape' };
      return { ...current, ...restoredProgress(current, persisted), restoreProblem: null };
    },
  };
}

/** The state that `saved` progress gives `current`: its fields, and its routes in the gateway. */
export function restoredProgress(current: AppState, saved: SavedState): Partial<AppState> {
  const { learnerRoutes, ...progress } = saved;
  const routes = withLearnerRoutes(current, learnerRoutes);
  // Rewind rebuilds from the recording's start, which now includes the learner's routes.
  const { profile, settings, pipeline } = current;
  const history = emptyHistory({ profile, settings, routes, pipeline, seed: PLAYGROUND_SEED });
  return { ...progress, routes, history, horizonMs: 0 };
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

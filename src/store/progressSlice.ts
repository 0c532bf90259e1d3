import type { StateCreator } from 'zustand';
import type { GatewaySettings, Route, Simulation } from '../engine';
import { EXPERIMENTS } from '../content/experiments';
import type { ReplicaPrediction } from '../content/scaleExperiment';
import type { AppState } from './index';
import { decidedCount } from './traceWindow';

export type ExperimentStatus = 'not-started' | 'in-progress' | 'done';

/** The learner's answer to one quiz question, with whether it was right when given. */
export interface QuizAnswer {
  readonly choice: readonly string[];
  readonly correct: boolean;
  /** A generated question's settings and routes when it was answered: it keeps them after. */
  readonly basis?: { readonly settings: GatewaySettings; readonly routes: readonly Route[] };
}

/** Where an experiment starts looking in the log: traces of that simulation from `count` on. */
export interface ExperimentBaseline {
  readonly simulation: Simulation;
  /** Requests decided before it started, summarised ones included. */
  readonly count: number;
}

/** How the playground routes for experiment 4: the built-in lookup, or the learner's `findRoute`. */
export type RouteLookupStatus =
  | { readonly mode: 'built-in' }
  | { readonly mode: 'checking' }
  /** `problem`: what the probe at Apply found wrong (e.g. no "/" boundary), or null. */
  | { readonly mode: 'learner'; readonly problem: string | null }
  | { readonly mode: 'failed'; readonly message: string };

/** Why the saved progress could not be used, so the page can say it started fresh. */
export type RestoreProblem = 'corrupt' | 'unknown-version' | 'newer-version' | 'wrong-shape';

/** Why progress is not being saved: the browser's storage is full, or turned off or blocked. */
export type SaveProblem = 'full' | 'unavailable';

/** The learner's progress through the lesson; `experiments` and `quizAnswers` are saved. */
export interface ProgressSlice {
  experiments: Readonly<Record<string, ExperimentStatus>>;
  quizAnswers: Readonly<Record<string, QuizAnswer>>;
  /** Saved: what a finished experiment's check said, so its card still explains it after a reload. */
  experimentFeedback: Readonly<Record<string, string>>;
  /** Saved: the learner's `findRoute` for experiment 4 (null: the starting code). */
  lookupDraft: string | null;
  /** Not saved: a reload starts on the built-in lookup. */
  routeLookup: RouteLookupStatus;
  /** Not saved: the log is not saved either. Missing → the experiment sees the whole log. */
  experimentBaselines: Readonly<Record<string, ExperimentBaseline>>;
  /** Experiment 1's prediction: on which request rate limiting starts. Not saved. */
  burstPrediction: number | null;
  /** The scale-out experiment's two predictions. Not saved. */
  replicaPrediction: ReplicaPrediction | null;
  /** The profile experiment's prediction: how many of its 10 keyed requests Kong lets through. Not saved. */
  profilePrediction: number | null;
  /** Set when saved progress was unusable and the page started fresh. Not saved. */
  restoreProblem: RestoreProblem | null;
  /** Set when progress could not be saved (once per failure; cleared by a later save). Not saved. */
  saveProblem: SaveProblem | null;
  setExperimentStatus: (id: string, status: ExperimentStatus) => void;
  /** Marks an experiment done and keeps the sentence its check gave. */
  finishExperiment: (id: string, feedback: string) => void;
  setLookupDraft: (source: string | null) => void;
  setRouteLookupStatus: (status: RouteLookupStatus) => void;
  /** Starts (or restarts) an experiment: only traces after this moment count for it. */
  restartExperiment: (id: string) => void;
  setBurstPrediction: (prediction: number | null) => void;
  setReplicaPrediction: (prediction: ReplicaPrediction | null) => void;
  setProfilePrediction: (prediction: number | null) => void;
  answerQuiz: (questionId: string, answer: QuizAnswer) => void;
  clearQuiz: () => void;
  /** Forgets experiments, quiz answers and the challenge's draft and result. */
  resetProgress: () => void;
  dismissRestoreNotice: () => void;
  dismissSaveNotice: () => void;
}

export const createProgressSlice: StateCreator<AppState, [], [], ProgressSlice> = (set, get) => ({
  experiments: {},
  quizAnswers: {},
  experimentFeedback: {},
  lookupDraft: null,
  routeLookup: { mode: 'built-in' },
  experimentBaselines: {},
  burstPrediction: null,
  replicaPrediction: null,
  profilePrediction: null,
  restoreProblem: null,
  saveProblem: null,
  setExperimentStatus: (id, status) =>
    set((state) => ({ experiments: { ...state.experiments, [id]: status } })),
  finishExperiment: (id, feedback) =>
    set((state) => ({
      experiments: { ...state.experiments, [id]: 'done' },
      experimentFeedback: { ...state.experimentFeedback, [id]: feedback },
    })),
  setLookupDraft: (source) => set({ lookupDraft: source }),
  setRouteLookupStatus: (status) => set({ routeLookup: status }),
  restartExperiment: (id) => {
    const { simulation, experimentBaselines, experiments, experimentFeedback } = get();
    const feedback = Object.fromEntries(
      Object.entries(experimentFeedback).filter(([experimentId]) => experimentId !== id),
    );
    set({
      experimentBaselines: {
        ...experimentBaselines,
        [id]: { simulation, count: decidedCount(get()) },
      },
      experiments: { ...experiments, [id]: 'not-started' },
      experimentFeedback: feedback,
    });
  },
  setBurstPrediction: (prediction) => set({ burstPrediction: prediction }),
  setReplicaPrediction: (prediction) => set({ replicaPrediction: prediction }),
  setProfilePrediction: (prediction) => set({ profilePrediction: prediction }),
  answerQuiz: (questionId, answer) =>
    set((state) => ({ quizAnswers: { ...state.quizAnswers, [questionId]: answer } })),
  clearQuiz: () => set({ quizAnswers: {} }),
  resetProgress: () => {
    const { simulation } = get();
    const baseline = { simulation, count: decidedCount(get()) };
    set({
      experiments: {},
      quizAnswers: {},
      experimentFeedback: {},
      lookupDraft: null,
      burstPrediction: null,
      replicaPrediction: null,
      profilePrediction: null,
      experimentBaselines: Object.fromEntries(
        EXPERIMENTS.map((experiment) => [experiment.id, baseline]),
      ),
      challengeProgress: {},
    });
  },
  dismissRestoreNotice: () => set({ restoreProblem: null }),
  dismissSaveNotice: () => set({ saveProblem: null }),
});

/** The traces an experiment may look at: those after its baseline, in the current simulation. */
export function tracesSince<T>(
  traces: readonly T[],
  simulation: Simulation,
  baseline: ExperimentBaseline | undefined,
  /** Requests summarised before `traces[0]`: the baseline counts them too. */
  olderCount = 0,
): readonly T[] {
  if (baseline === undefined || baseline.simulation !== simulation) return traces;
  return traces.slice(Math.max(0, baseline.count - olderCount));
}

import type { StateCreator } from 'zustand';
import type { Simulation } from '../engine';
import { EXPERIMENTS } from '../content/experiments';
import type { AppState } from './index';
import { decidedCount } from './traceWindow';

export type ExperimentStatus = 'not-started' | 'in-progress' | 'done';

/** The learner's answer to one quiz question, with whether it was right when given. */
export interface QuizAnswer {
  readonly choice: readonly string[];
  readonly correct: boolean;
}

/** Where an experiment starts looking in the log: traces of that simulation from `count` on. */
export interface ExperimentBaseline {
  readonly simulation: Simulation;
  /** Requests decided before it started, summarised ones included. */
  readonly count: number;
}

/** Why the saved progress could not be used, so the page can say it started fresh. */
export type RestoreProblem = 'corrupt' | 'unknown-version' | 'wrong-shape';

/** The learner's progress through the lesson; `experiments` and `quizAnswers` are saved. */
export interface ProgressSlice {
  experiments: Readonly<Record<string, ExperimentStatus>>;
  quizAnswers: Readonly<Record<string, QuizAnswer>>;
  /** Not saved: the log is not saved either. Missing → the experiment sees the whole log. */
  experimentBaselines: Readonly<Record<string, ExperimentBaseline>>;
  /** Experiment 1's prediction: on which request rate limiting starts. Not saved. */
  burstPrediction: number | null;
  /** Set when saved progress was unusable and the page started fresh. Not saved. */
  restoreProblem: RestoreProblem | null;
  setExperimentStatus: (id: string, status: ExperimentStatus) => void;
  /** Starts (or restarts) an experiment: only traces after this moment count for it. */
  restartExperiment: (id: string) => void;
  setBurstPrediction: (prediction: number | null) => void;
  answerQuiz: (questionId: string, answer: QuizAnswer) => void;
  clearQuiz: () => void;
  /** Forgets experiments, quiz answers and the challenge's draft and result. */
  resetProgress: () => void;
  dismissRestoreNotice: () => void;
}

export const createProgressSlice: StateCreator<AppState, [], [], ProgressSlice> = (set, get) => ({
  experiments: {},
  quizAnswers: {},
  experimentBaselines: {},
  burstPrediction: null,
  restoreProblem: null,
  setExperimentStatus: (id, status) =>
    set((state) => ({ experiments: { ...state.experiments, [id]: status } })),
  restartExperiment: (id) => {
    const { simulation, experimentBaselines, experiments } = get();
    set({
      experimentBaselines: {
        ...experimentBaselines,
        [id]: { simulation, count: decidedCount(get()) },
      },
      experiments: { ...experiments, [id]: 'not-started' },
    });
  },
  setBurstPrediction: (prediction) => set({ burstPrediction: prediction }),
  answerQuiz: (questionId, answer) =>
    set((state) => ({ quizAnswers: { ...state.quizAnswers, [questionId]: answer } })),
  clearQuiz: () => set({ quizAnswers: {} }),
  resetProgress: () => {
    const { simulation } = get();
    const baseline = { simulation, count: decidedCount(get()) };
    set({
      experiments: {},
      quizAnswers: {},
      burstPrediction: null,
      experimentBaselines: Object.fromEntries(
        EXPERIMENTS.map((experiment) => [experiment.id, baseline]),
      ),
      challengeDraft: null,
      challengePassed: false,
    });
  },
  dismissRestoreNotice: () => set({ restoreProblem: null }),
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

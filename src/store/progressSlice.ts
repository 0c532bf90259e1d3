import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export type ExperimentStatus = 'not-started' | 'in-progress' | 'done';

/** The learner's progress through the lesson: what is saved between visits. */
export interface ProgressSlice {
  experiments: Readonly<Record<string, ExperimentStatus>>;
  setExperimentStatus: (id: string, status: ExperimentStatus) => void;
}

export const createProgressSlice: StateCreator<AppState, [], [], ProgressSlice> = (set) => ({
  experiments: {},
  setExperimentStatus: (id, status) =>
    set((state) => ({ experiments: { ...state.experiments, [id]: status } })),
});

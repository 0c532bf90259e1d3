import type { PersistOptions } from 'zustand/middleware';
import type { AppState } from './index';

/** What is saved in localStorage: progress only, never the engine or the log. */
export type SavedState = Pick<AppState, 'experiments' | 'challengeDraft' | 'challengePassed'>;

export const STORAGE_KEY = 'gateway-playground';
export const STORAGE_VERSION = 1;

export const persistOptions: PersistOptions<AppState, SavedState> = {
  name: STORAGE_KEY,
  version: STORAGE_VERSION,
  partialize: (state) => ({
    experiments: state.experiments,
    challengeDraft: state.challengeDraft,
    challengePassed: state.challengePassed,
  }),
};

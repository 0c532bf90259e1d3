import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/** The coding challenge: the learner's draft (saved) and whether it has passed. */
export interface ChallengeSlice {
  challengeDraft: string | null;
  challengePassed: boolean;
  setChallengeDraft: (source: string) => void;
  setChallengePassed: (passed: boolean) => void;
}

export const createChallengeSlice: StateCreator<AppState, [], [], ChallengeSlice> = (set) => ({
  challengeDraft: null,
  challengePassed: false,
  setChallengeDraft: (source) => set({ challengeDraft: source }),
  setChallengePassed: (passed) => set({ challengePassed: passed }),
});

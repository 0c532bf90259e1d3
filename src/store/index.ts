import { create, type StateCreator } from 'zustand';
import { persist } from 'zustand/middleware';
import { createChallengeSlice, type ChallengeSlice } from './challengeSlice';
import { createPersistOptions } from './persistence';
import { createPipelineSlice, type PipelineSlice } from './pipelineSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { createPlaygroundSlice, type PlaygroundSlice } from './playgroundSlice';
import { createProgressSlice, type ProgressSlice } from './progressSlice';
import { createRewindSlice, type RewindSlice } from './rewindSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createTrafficFormSlice, type TrafficFormSlice } from './trafficFormSlice';
import { FOLLOW_TIMING, followTraces } from './shownTraces';

/** The whole app state: one store made of typed slices; only progress is persisted. */
export type AppState = PlaygroundSlice &
  PlaybackSlice &
  ProgressSlice &
  ChallengeSlice &
  RewindSlice &
  TrafficFormSlice &
  PipelineSlice &
  SelectionSlice;

/** Every slice in one state, before middleware; tests build their own stores from it. */
export const createAppState: StateCreator<AppState> = (...a) => ({
  ...createPlaygroundSlice(...a),
  ...createPlaybackSlice(...a),
  ...createProgressSlice(...a),
  ...createChallengeSlice(...a),
  ...createRewindSlice(...a),
  ...createTrafficFormSlice(...a),
  ...createPipelineSlice(...a),
  ...createSelectionSlice(...a),
});

export const useAppStore = create<AppState>()(
  persist(
    createAppState,
    createPersistOptions(
      () => localStorage,
      (saveProblem) => useAppStore.setState({ saveProblem }),
    ),
  ),
);

/** The decided requests as the panels show them: they catch up between the frames that decide. */
export const useShownTraces = followTraces(useAppStore);

/**
 * The same for the request log, which catches up a little later than the other panels: a burst's
 * first rows are the page's biggest layout, and drawing them in a frame of their own keeps every
 * frame short.
 */
export const useLogTraces = followTraces(useAppStore, {
  ...FOLLOW_TIMING,
  quietMs: 90,
  maxWaitMs: 300,
});

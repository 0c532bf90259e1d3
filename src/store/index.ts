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
import { inTransition } from './inTransition';
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
 * frame short. Its rows are built in a transition (inTransition.ts), in slices.
 */
export const useLogTraces = inTransition(
  followTraces(useAppStore, { ...FOLLOW_TIMING, quietMs: 90, maxWaitMs: 300 }),
);

/**
 * The same for the rate-limit window panel: a little after the graph's nodes, so that each
 * panel's catching up is a task of its own, not one long one for all of them; in a transition.
 */
export const useWindowTraces = inTransition(
  followTraces(useAppStore, { ...FOLLOW_TIMING, quietMs: 65, maxWaitMs: 275 }),
);

/**
 * The same for the experiments' checks (a pass over the log per card, several cards): they
 * catch up once a burst has settled, and at most once a second during a long one, in a
 * transition of their own. A check's verdict may come a moment later.
 */
export const useCheckTraces = inTransition(
  followTraces(useAppStore, { ...FOLLOW_TIMING, quietMs: 150, maxWaitMs: 1000 }),
);

import type { StateCreator } from 'zustand';
import { INITIAL_ROUTES, INITIAL_SETTINGS } from '../content/services';
import type { AppState } from './index';
import { withoutRequest } from './selectionSlice';
import { appendTraces, decidedCount, NO_OLDER_TRACES } from './traceWindow';
import {
  actionsUpTo,
  emptyHistory,
  previousMomentBefore,
  rebuildAt,
  record,
  stopRecording,
  withoutLastAction,
  type History,
  type PlaygroundAction,
} from './rewind';

import { PLAYGROUND_SEED } from './playgroundSlice';

/** An action as the playground reports it; the slice stamps it with the clock. */
type UntimedAction = PlaygroundAction extends infer A
  ? A extends PlaygroundAction
    ? Omit<A, 'atMs'>
    : never
  : never;

/** Rewind and undo over the playground: the store side of ./rewind, which does the rebuilding. */
export interface RewindSlice {
  history: History;
  /** The latest moment the clock has reached since the last Reset: the timeline's end. */
  horizonMs: number;
  /** Records an action done now (the playground's own actions call this). */
  recordAction: (action: UntimedAction) => void;
  /** Stops recording, e.g. once learner code answers for the gateway (it cannot be replayed). */
  stopRecordingHistory: (reason: string) => void;
  /** Starts a new recording from the current settings and routes (on Reset). */
  restartHistory: () => void;
  /**
   * Shows the playground as it was at `atMs` (a rebuild), or runs the clock on to it; pauses.
   * Going back does nothing while rewinding is off (see rewindOffReason).
   */
  rewindTo: (atMs: number) => void;
  /** Goes back to the previous moment something happened; pauses. */
  stepBack: () => void;
  /** Takes back the last send, settings change or route change done at or before now. */
  undo: () => void;
  /**
   * Replaces the playground with a recording shown at `atMs` (a shared link). Throws, changing
   * nothing, when the engine refuses its settings, routes or traffic.
   */
  loadRecording: (history: History, atMs: number) => void;
}

/** Why rewinding is off right now, or null when it works. */
export function rewindOffReason(state: AppState): string | null {
  if (state.history.stoppedBecause !== null)
    return `Rewind and undo are off until Reset: ${state.history.stoppedBecause}.`;
  return null;
}

/** The playground rebuilt at `atMs`, its traces windowed as live play keeps them (traceWindow.ts). */
function rebuiltState(history: History, atMs: number) {
  const rebuilt = rebuildAt(history, atMs);
  return { ...rebuilt, ...appendTraces([], NO_OLDER_TRACES, rebuilt.traces, rebuilt.clockMs) };
}

export const createRewindSlice: StateCreator<AppState, [], [], RewindSlice> = (set, get, api) => {
  // Playing on from a rewound moment replays the recorded future: when the clock passes the next
  // recorded action, the playground is rebuilt with it, at its own time.
  api.subscribe((state, previous) => {
    if (state.clockMs <= previous.clockMs || state.simulation !== previous.simulation) return;
    const { history } = state;
    if (history.stoppedBecause !== null) return;
    const next = history.actions[actionsUpTo(history, previous.clockMs)];
    if (next !== undefined && next.atMs <= state.clockMs) {
      set({ ...rebuiltState(history, state.clockMs) });
    }
  });

  return {
    history: emptyHistory({
      settings: INITIAL_SETTINGS,
      routes: INITIAL_ROUTES,
      seed: PLAYGROUND_SEED,
    }),
    horizonMs: 0,

    recordAction: (action) => {
      const state = get();
      const { history, clockMs, horizonMs, selection } = state;
      // A new action in the past starts a new future: the timeline then ends now.
      const dropsFuture = history.actions.some((a) => a.atMs > clockMs);
      // Ids are given on arrival: a request not decided yet may get another id from now on.
      const undecided = selection?.kind === 'request' && selection.id > decidedCount(state);
      set({
        history: record(history, { ...action, atMs: clockMs } as PlaygroundAction),
        horizonMs: dropsFuture ? clockMs : Math.max(horizonMs, clockMs),
        ...(undecided ? { selection: null } : {}),
      });
    },

    stopRecordingHistory: (reason) => set({ history: stopRecording(get().history, reason) }),

    restartHistory: () => {
      const { settings, routes, profile, pipeline } = get();
      set({
        history: emptyHistory({ profile, settings, routes, pipeline, seed: PLAYGROUND_SEED }),
        horizonMs: 0,
      });
    },

    rewindTo: (atMs) => {
      const state = get();
      if (!Number.isFinite(atMs)) return;
      const target = Math.max(0, atMs);
      const horizonMs = Math.max(state.horizonMs, state.clockMs);
      // Forward is the same as playing there (recorded actions on the way are replayed).
      if (target >= state.clockMs) {
        set({ playing: false, viewMs: null, horizonMs });
        get().advanceClock(target);
        return;
      }
      // Back is a rebuild from the start, which needs the whole recording.
      if (rewindOffReason(state) !== null) return;
      set({ playing: false, viewMs: null, horizonMs, ...rebuiltState(state.history, target) });
    },

    stepBack: () => {
      const { history, traces, clockMs, rewindTo } = get();
      const previous = previousMomentBefore(history, traces, clockMs);
      rewindTo(previous ?? 0);
    },

    loadRecording: (history, atMs) => {
      const rebuilt = rebuiltState(history, atMs);
      const lastActionMs = history.actions.at(-1)?.atMs ?? 0;
      set({
        ...rebuilt,
        history,
        selection: withoutRequest(get().selection),
        horizonMs: Math.max(atMs, lastActionMs),
        playing: false,
        viewMs: null,
        highlight: null,
      });
    },

    undo: () => {
      const state = get();
      if (rewindOffReason(state) !== null || actionsUpTo(state.history, state.clockMs) === 0)
        return;
      const history = withoutLastAction(state.history, state.clockMs);
      set({
        history,
        // Without that action, the requests decided so far may be numbered differently.
        selection: withoutRequest(state.selection),
        horizonMs: state.clockMs,
        playing: false,
        viewMs: null,
        ...rebuiltState(history, state.clockMs),
      });
    },
  };
};

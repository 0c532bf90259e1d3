import type { StoreApi } from 'zustand';
import type { AppState } from '../../store';

/**
 * While the clock plays with every request back and none queued, only the clock's figure, the
 * window strips and the countdowns move: the clock is advanced this often instead of every frame
 * (each advance re-renders and lays them out again). Such a tick covers the whole wait, so
 * simulated time still runs at the chosen speed; a longer gap (a hidden tab) moves it no further.
 */
export const QUIET_TICK_MS = 250;
const MAX_QUIET_GAP_MS = QUIET_TICK_MS + 100;

/** The browser's timers, passed in so the loop can be driven by a test. */
export interface LoopScheduler {
  requestFrame: (callback: (nowMs: number) => void) => number;
  cancelFrame: (id: number) => void;
  setTimer: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimer: (id: ReturnType<typeof setTimeout> | undefined) => void;
  /** Runs `callback` in a task of its own, as soon as the browser can (not a frame's task). */
  postTask: (callback: () => void) => void;
}

function nothingInFlight(state: AppState): boolean {
  const { simulation } = state;
  return simulation.pendingCount === 0 && state.clockMs >= simulation.lastResponseMs;
}

/**
 * Drives the playback clock of `store` from animation frames while it plays: paused, nothing is
 * scheduled at all, and pressing Play (or a send) starts the loop again. With nothing in flight
 * the clock ticks every QUIET_TICK_MS until something is sent. At most one loop runs. Returns a
 * function that stops it for good.
 *
 * A frame only reads its time: the tick (the engine's decisions, the store's update and the
 * render React does for it at once) runs in a task of its own right after the frame. Ticking
 * inside the frame made one task of it and of the frame's drawing and layout, which on a slow
 * machine went past 50 ms in every frame of a burst. The panels and the packets still move
 * together: the packets are drawn in the frame after the tick, and so is the DOM it changed.
 */
export function startPlaybackLoop(store: StoreApi<AppState>, timers: LoopScheduler): () => void {
  /** A loop is on: a frame or a quiet wait is scheduled, or a frame is running. */
  let on = false;
  let frame: number | null = null;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let lastMs: number | null = null;
  let afterQuiet = false;
  /** Counts starts and stops: a tick posted before the last one does nothing. */
  let generation = 0;

  const wake = () => {
    quiet = undefined;
    afterQuiet = true;
    frame = timers.requestFrame(loop);
  };
  const tickAfterFrame = (realMs: number | null, maxRealMs: number | undefined, of: number) => {
    if (!on || of !== generation) return;
    if (realMs !== null) store.getState().tick(realMs, maxRealMs);
    // Paused by something the tick set off: schedule nothing.
    if (!on || of !== generation) return;
    if (nothingInFlight(store.getState())) quiet = timers.setTimer(wake, QUIET_TICK_MS);
    else frame = timers.requestFrame(loop);
  };
  const loop = (nowMs: number) => {
    frame = null;
    if (!on) return;
    const realMs = lastMs === null ? null : nowMs - lastMs;
    const maxRealMs = afterQuiet ? MAX_QUIET_GAP_MS : undefined;
    lastMs = nowMs;
    afterQuiet = false;
    const of = generation;
    timers.postTask(() => tickAfterFrame(realMs, maxRealMs, of));
  };
  const cancel = () => {
    if (frame !== null) timers.cancelFrame(frame);
    timers.clearTimer(quiet);
    frame = null;
    quiet = undefined;
  };
  const follow = (state: AppState) => {
    if (state.playing && !on) {
      on = true;
      generation++;
      lastMs = null;
      frame = timers.requestFrame(loop);
    } else if (!state.playing && on) {
      on = false;
      generation++;
      cancel();
    } else if (quiet !== undefined && !nothingInFlight(state)) {
      // Sent during a quiet wait: the packets move from the next frame, and the clock catches
      // up on the wait so far.
      timers.clearTimer(quiet);
      wake();
    }
  };
  follow(store.getState());
  const unsubscribe = store.subscribe(follow);
  return () => {
    unsubscribe();
    on = false;
    cancel();
  };
}

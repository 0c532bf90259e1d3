import type { StoreApi } from 'zustand';
import type { AppState } from '../../store';

/**
 * While the clock plays, a readout of it (the clock's figure, the timeline's thumb) is written at
 * most this often. Each write lays the page out and repaints it; written every frame, the two
 * readouts cost more than the packets themselves. Ten a second still reads as a running clock.
 */
export const READOUT_INTERVAL_MS = 100;

/** Real time and timers, passed in so a test can drive the pace by hand. */
export interface PaceTimers {
  now: () => number;
  setTimer: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
  clearTimer: (id: ReturnType<typeof setTimeout>) => void;
}

const BROWSER_TIMERS: PaceTimers = {
  now: () => performance.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (id) => clearTimeout(id),
};

/**
 * Calls `show` with the store's state now and whenever `changed` says a readout moved: at once
 * when the clock is not playing (a step, a jump, a rewind, a pause: the figure is exact as soon as
 * it stops), at most every READOUT_INTERVAL_MS while it plays, and once more after the last change
 * of a run, so the readout always ends on the clock's true value. Returns an unsubscribe.
 */
export function paceReadout(
  store: StoreApi<AppState>,
  changed: (state: AppState, previous: AppState) => boolean,
  show: (state: AppState) => void,
  timers: PaceTimers = BROWSER_TIMERS,
): () => void {
  let lastShownMs = -Infinity;
  let trailing: ReturnType<typeof setTimeout> | null = null;
  const showNow = () => {
    if (trailing !== null) timers.clearTimer(trailing);
    trailing = null;
    lastShownMs = timers.now();
    show(store.getState());
  };
  showNow();
  const unsubscribe = store.subscribe((state, previous) => {
    if (!changed(state, previous)) return;
    const waitMs = lastShownMs + READOUT_INTERVAL_MS - timers.now();
    if (!state.playing || waitMs <= 0) showNow();
    else trailing ??= timers.setTimer(showNow, waitMs);
  });
  return () => {
    unsubscribe();
    if (trailing !== null) timers.clearTimer(trailing);
  };
}

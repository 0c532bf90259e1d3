import { useSyncExternalStore } from 'react';
import type { StoreApi } from 'zustand';
import { useAppStore, type AppState } from '../../store';
import { paceReadout, type PaceTimers } from './readoutPace';

/** The app's state as the readouts show it: read it, and hear when it moves on. */
export interface PacedState {
  getState: () => AppState;
  subscribe: (listener: () => void) => () => void;
}

/**
 * A copy of `store`'s state that moves on at the readouts' pace (paceReadout): at once while the
 * clock is not playing, at most every READOUT_INTERVAL_MS while it plays, and once more after the
 * last change. Every readout that follows it changes in the same task, so a burst's frames lay
 * the panels out and repaint them a few times a second, all in one frame, rather than one readout
 * in one frame and another in the next. Runs only while something listens; with no listener it
 * reads the store itself.
 */
export function pacedState(store: StoreApi<AppState>, timers?: PaceTimers): PacedState {
  let shown: AppState | null = null;
  let stop: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const show = (state: AppState) => {
    shown = state;
    for (const listener of [...listeners]) listener();
  };
  return {
    getState: () => shown ?? store.getState(),
    subscribe(listener) {
      listeners.add(listener);
      stop ??= paceReadout(store, (state, previous) => state !== previous, show, timers);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0 || stop === null) return;
        stop();
        stop = null;
        shown = null;
      };
    },
  };
}

/** The page's store, at the readouts' pace. */
export const pacedAppState = pacedState(useAppStore);

/**
 * Like useAppStore(selector), at the readouts' pace: for figures that follow the clock (quotas,
 * countdowns, counts). `selector` must return a value that compares equal when unchanged (a
 * number or a string), as with useAppStore.
 */
export function usePacedAppStore<T>(selector: (state: AppState) => T): T {
  return useSyncExternalStore(pacedAppState.subscribe, () => selector(pacedAppState.getState()));
}

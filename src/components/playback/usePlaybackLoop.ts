import { useEffect } from 'react';
import { useAppStore, type AppState } from '../../store';

/**
 * While the clock plays with every request back and none queued, only the clock's figure, the
 * window strips and the countdowns move: the clock is advanced this often instead of every frame
 * (each advance re-renders and lays them out again). Such a tick covers the whole wait, so
 * simulated time still runs at the chosen speed; a longer gap (a hidden tab) moves it no further.
 */
export const QUIET_TICK_MS = 250;
const MAX_QUIET_GAP_MS = QUIET_TICK_MS + 100;

function nothingInFlight(state: AppState): boolean {
  const { simulation } = state;
  return simulation.pendingCount === 0 && state.clockMs >= simulation.lastResponseMs;
}

/**
 * Drives the playback clock from requestAnimationFrame while it plays: paused, no frame is
 * requested at all, and pressing Play (or a send) starts the loop again. With nothing in flight
 * the clock ticks four times a second, not sixty, until something is sent.
 */
export function usePlaybackLoop(): void {
  useEffect(() => {
    let frame: number | null = null;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let last: number | null = null;
    let afterQuiet = false;
    const loop = (now: number) => {
      frame = null;
      if (last !== null) {
        useAppStore.getState().tick(now - last, afterQuiet ? MAX_QUIET_GAP_MS : undefined);
      }
      last = now;
      afterQuiet = false;
      if (nothingInFlight(useAppStore.getState())) {
        quiet = setTimeout(() => {
          quiet = undefined;
          afterQuiet = true;
          frame = requestAnimationFrame(loop);
        }, QUIET_TICK_MS);
      } else {
        frame = requestAnimationFrame(loop);
      }
    };
    const stop = () => {
      if (frame !== null) cancelAnimationFrame(frame);
      clearTimeout(quiet);
      frame = null;
      quiet = undefined;
    };
    const running = () => frame !== null || quiet !== undefined;
    const follow = (state: AppState) => {
      if (state.playing && !running()) {
        last = null;
        frame = requestAnimationFrame(loop);
      } else if (!state.playing && running()) {
        stop();
      } else if (quiet !== undefined && !nothingInFlight(state)) {
        // Something was sent during a quiet wait: its packets move from the next frame, and
        // the clock catches up on the wait so far.
        clearTimeout(quiet);
        quiet = undefined;
        afterQuiet = true;
        frame = requestAnimationFrame(loop);
      }
    };
    follow(useAppStore.getState());
    const unsubscribe = useAppStore.subscribe(follow);
    return () => {
      unsubscribe();
      stop();
    };
  }, []);
}

/** Mirrors `prefers-reduced-motion` into the store so sending knows to show outcomes at once. */
export function useReducedMotionSync(): void {
  useEffect(() => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    const apply = () => useAppStore.getState().setReducedMotion(query.matches);
    apply();
    query.addEventListener('change', apply);
    return () => query.removeEventListener('change', apply);
  }, []);
}

/** Text fields own every key; buttons, links and disclosures own Space (it activates them). */
export function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return true;
  return key === ' ' && ['BUTTON', 'SUMMARY', 'A'].includes(target.tagName);
}

/** Space plays or pauses, → steps to the next event; not while a control has focus. */
export function usePlaybackKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || ownsKey(event.target, event.key))
        return;
      if (event.key === ' ') {
        event.preventDefault();
        useAppStore.getState().togglePlay();
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        useAppStore.getState().stepToNextEvent();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

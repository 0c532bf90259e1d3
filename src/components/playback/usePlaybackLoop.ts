import { useEffect } from 'react';
import { useAppStore, type AppState } from '../../store';

/**
 * While the clock plays with every request back and none queued, only the clock's figure moves:
 * it is advanced this often instead of every frame (under the 100 ms a tick may cover at most).
 */
const QUIET_TICK_MS = 80;

function nothingInFlight(state: AppState): boolean {
  const { simulation } = state;
  return simulation.pendingCount === 0 && state.clockMs >= simulation.lastResponseMs;
}

/**
 * Drives the playback clock from requestAnimationFrame while it plays: paused, no frame is
 * requested at all, and pressing Play (or a send) starts the loop again. With nothing in flight
 * the clock ticks about ten times a second, not sixty.
 */
export function usePlaybackLoop(): void {
  useEffect(() => {
    let frame: number | null = null;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let last: number | null = null;
    const loop = (now: number) => {
      const store = useAppStore.getState();
      if (last !== null) store.tick(now - last);
      last = now;
      if (nothingInFlight(useAppStore.getState())) {
        quiet = setTimeout(() => {
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
    };
    const follow = (playing: boolean) => {
      if (playing && frame === null) {
        last = null;
        frame = requestAnimationFrame(loop);
      } else if (!playing && frame !== null) {
        stop();
      }
    };
    follow(useAppStore.getState().playing);
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.playing !== previous.playing) follow(state.playing);
    });
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

import { useEffect } from 'react';
import { useAppStore } from '../../store';

/**
 * Drives the playback clock from requestAnimationFrame while it plays: paused, no frame is
 * requested at all, and pressing Play (or a send) starts the loop again.
 */
export function usePlaybackLoop(): void {
  useEffect(() => {
    let frame: number | null = null;
    let last: number | null = null;
    const loop = (now: number) => {
      frame = requestAnimationFrame(loop);
      if (last !== null) useAppStore.getState().tick(now - last);
      last = now;
    };
    const follow = (playing: boolean) => {
      if (playing && frame === null) {
        last = null;
        frame = requestAnimationFrame(loop);
      } else if (!playing && frame !== null) {
        cancelAnimationFrame(frame);
        frame = null;
      }
    };
    follow(useAppStore.getState().playing);
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.playing !== previous.playing) follow(state.playing);
    });
    return () => {
      unsubscribe();
      follow(false);
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
function ownsKey(target: EventTarget | null, key: string): boolean {
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

import { useEffect } from 'react';
import { useAppStore } from '../../store';
import { postTask } from '../scheduling/postTask';
import { startPlaybackLoop } from './playbackLoop';

/**
 * Runs the playback clock from requestAnimationFrame while the page is mounted (see
 * startPlaybackLoop: no frame while paused, a few ticks a second with nothing in flight).
 */
export function usePlaybackLoop(): void {
  useEffect(
    () =>
      startPlaybackLoop(useAppStore, {
        requestFrame: (callback) => requestAnimationFrame(callback),
        cancelFrame: (id) => cancelAnimationFrame(id),
        setTimer: (callback, ms) => setTimeout(callback, ms),
        clearTimer: (id) => clearTimeout(id),
        postTask: (callback) => void postTask(callback),
      }),
    [],
  );
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

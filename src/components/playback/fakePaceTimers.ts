import type { PaceTimers } from './readoutPace';

/** Real time and timers on a fake clock, advanced by hand. */
export function fakeTimers() {
  let nowMs = 0;
  let nextId = 1;
  const timers = new Map<number, { atMs: number; callback: () => void }>();
  const pace: PaceTimers = {
    now: () => nowMs,
    setTimer: (callback, ms) => {
      timers.set(nextId, { atMs: nowMs + ms, callback });
      return nextId++ as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimer: (id) => timers.delete(id as unknown as number),
  };
  const advance = (ms: number) => {
    nowMs += ms;
    for (const [id, timer] of [...timers]) {
      if (timer.atMs > nowMs) continue;
      timers.delete(id);
      timer.callback();
    }
  };
  return { pace, advance, pending: () => timers.size };
}

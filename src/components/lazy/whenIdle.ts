/** Marked once the page starts loading what its first screen does not need (the budget test reads it). */
export const IDLE_LOAD_MARK = 'idle-load-start';

/** The longest one part of the page waits for an idle moment. */
const IDLE_TIMEOUT_MS = 2000;

function loaded(): Promise<void> {
  return new Promise((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
}

/**
 * Runs `callback` once the browser is idle (or after IDLE_TIMEOUT_MS at most), outside the
 * parts' queue below; returns a function that cancels it.
 */
export function onIdle(callback: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const id = requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 200);
  return () => clearTimeout(id);
}

function idleMoment(): Promise<void> {
  return new Promise((resolve) => onIdle(resolve));
}

/** A part of the page waiting for its turn to be built. */
interface Build {
  readonly run: () => Promise<void>;
  readonly first: boolean;
}

const pending: Build[] = [];
let draining = false;
let marked = false;

/**
 * Builds the waiting parts one at a time, each in an idle moment of its own after the page has
 * loaded, and each only once the one before has finished (its code fetched and its first render
 * committed): parts whose code arrives together are not revealed in one long task.
 */
async function drain(): Promise<void> {
  await loaded();
  for (;;) {
    await idleMoment();
    const next = pending.shift();
    if (next === undefined) break;
    if (!marked) {
      marked = true;
      performance.mark(IDLE_LOAD_MARK);
    }
    try {
      await next.run();
    } catch {
      // A part that failed says so itself (its section's boundary); the others still come.
    }
  }
  draining = false;
}

/**
 * Queues `run` (fetch a part's code, render it, settle once it is on the page) to start once the
 * page has loaded and the browser is idle, after every part queued before it has finished; parts
 * queued with `first` go before the others. A link to a section (a hash) skips the wait: the page
 * must show that section where the learner lands. Returns a function that takes `run` out of the
 * queue if it has not started.
 */
export function buildInTurn(run: () => Promise<void>, first = false): () => void {
  if (window.location.hash !== '') {
    void run().catch(() => undefined);
    return () => undefined;
  }
  const build: Build = { run, first };
  const after = first ? pending.findIndex((b) => !b.first) : -1;
  if (after === -1) pending.push(build);
  else pending.splice(after, 0, build);
  if (!draining) {
    draining = true;
    void drain();
  }
  return () => {
    const at = pending.indexOf(build);
    if (at !== -1) pending.splice(at, 1);
  };
}

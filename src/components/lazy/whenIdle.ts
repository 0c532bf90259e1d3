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

function idleMoment(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) {
      requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    } else {
      setTimeout(resolve, 200);
    }
  });
}

/**
 * Runs `callback` once the browser is idle (or after IDLE_TIMEOUT_MS at most), outside the
 * sections' queue below; returns a function that cancels it.
 */
export function onIdle(callback: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const id = requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 200);
  return () => clearTimeout(id);
}

let queue: Promise<void> | undefined;

/**
 * Resolves once the page has loaded and the browser is idle, one caller per idle moment in the
 * order they asked: the first screen has painted and its script has run, and the parts that
 * follow are not built all in one long task. A link to a section (a hash) skips the wait: the
 * page must show that section where the learner lands.
 */
export function whenIdle(): Promise<void> {
  if (window.location.hash !== '') return Promise.resolve();
  queue ??= loaded()
    .then(idleMoment)
    .then(() => {
      performance.mark(IDLE_LOAD_MARK);
    });
  const mine = queue;
  queue = mine.then(idleMoment);
  return mine;
}

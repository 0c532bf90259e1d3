/** Marked once the page starts loading what its first screen does not need (the budget test reads it). */
export const IDLE_LOAD_MARK = 'idle-load-start';

/** The longest the rest of the page waits for an idle moment after the load event. */
const IDLE_TIMEOUT_MS = 2000;

let idle: Promise<void> | undefined;

/**
 * Resolves once the page has loaded and the browser is idle: the first screen has painted and its
 * script has run, so what loads next does not compete with it. A link to a section (a hash) skips
 * the wait: the page must show that section where the learner lands.
 */
export function whenIdle(): Promise<void> {
  idle ??= new Promise<void>((resolve) => {
    const start = () => {
      performance.mark(IDLE_LOAD_MARK);
      resolve();
    };
    if (window.location.hash !== '') {
      start();
      return;
    }
    const afterLoad = () => {
      if ('requestIdleCallback' in window) {
        requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS });
      } else {
        setTimeout(start, 200);
      }
    };
    if (document.readyState === 'complete') afterLoad();
    else window.addEventListener('load', afterLoad, { once: true });
  });
  return idle;
}

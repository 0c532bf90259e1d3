import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Marks an element with `content-visibility: auto` by `data-skipped` while the browser skips its
 * contents, so that CSS can keep it from being the scroll anchor then (lesson.css). A skipped
 * section is laid out at its estimated size; the browser's scroll anchoring may still pick it when
 * its bottom edge is in view, and when it then gets its real size (often several times the
 * estimate) everything below it jumps: on a fresh page (a reload) a learner who went straight to
 * the coding challenge saw it pushed thousands of pixels away just as they clicked it. Without
 * the event (older browsers) nothing is marked and the page behaves as before.
 */
export function useSkippedMark<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  // A layout effect: listening before the browser first decides to skip, which it reports once.
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const mark = (event: Event) => {
      if (event instanceof ContentVisibilityAutoStateChangeEvent) {
        element.toggleAttribute('data-skipped', event.skipped);
      }
    };
    element.addEventListener('contentvisibilityautostatechange', mark);
    return () => element.removeEventListener('contentvisibilityautostatechange', mark);
  }, []);
  return ref;
}

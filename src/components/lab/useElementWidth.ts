import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * The width of an element in CSS pixels, following resizes: drawings are laid out in pixels.
 * `fallback` until the element's first layout. The width comes from a ResizeObserver, whose first
 * report follows that layout: reading it at mount (getBoundingClientRect) forced a layout of the
 * whole page while it loaded, the longest task of a visit, for a drawing far below the fold. The
 * report usually comes before the frame is painted and is drawn at once (flushSync); when it does
 * not (the graph's own measure saw that: Lighthouse counted its first frame's shift), a learner
 * who lands on the drawing sees one frame at the fallback width. The drawings' heights do not
 * depend on the width, so nothing on the page moves.
 */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  // Observed before the first paint (observing forces no layout), so the first report comes
  // before that paint too.
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (next > 0) flushSync(() => setWidth(next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

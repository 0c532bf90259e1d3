import { useEffect, useState } from 'react';
import type { RequestTrace } from '../../engine';
import { useAppStore } from '../../store';

/** How often the log may redraw while a burst is being decided. */
const LOG_REFRESH_MS = 120;

/**
 * The decided requests, refreshed from a timer task instead of the animation frame that decided
 * them: a big burst adds rows over several frames, and redrawing the log inside those frames
 * made them long tasks. The first change after a quiet spell shows at once; later ones at most
 * every LOG_REFRESH_MS; the last one always lands.
 */
export function useThrottledTraces(): readonly RequestTrace[] {
  const [traces, setTraces] = useState(() => useAppStore.getState().traces);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastShownMs = -Infinity;
    const show = () => {
      timer = null;
      lastShownMs = performance.now();
      setTraces(useAppStore.getState().traces);
    };
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.traces === previous.traces || timer !== null) return;
      const waitMs = Math.max(0, lastShownMs + LOG_REFRESH_MS - performance.now());
      timer = setTimeout(show, waitMs);
    });
    show();
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, []);
  return traces;
}

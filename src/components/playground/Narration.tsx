import { useEffect, useState } from 'react';
import { useAppStore } from '../../store';
import { LatestEvent } from './latestEvent';
import { narrate, narrationContext } from './narration';

/** At most one new line this often, so a burst is not read out event by event. */
const THROTTLE_MS = 1_000;

/**
 * One line about the latest event during free play, announced politely to screen readers. The
 * tour tells its own story, so the line is quiet while a tour step is highlighted.
 */
export function Narration() {
  const [line, setLine] = useState('');
  useEffect(() => {
    // Kept up to date with every move of the clock, a little work per frame, so that the line
    // shown once a second reads the latest event at once instead of looking for it.
    const latestEvent = new LatestEvent();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastShownMs = -Infinity;
    const show = () => {
      timer = undefined;
      lastShownMs = performance.now();
      const { traces, clockMs, highlight, gateway } = useAppStore.getState();
      if (highlight !== null) return;
      const latest = latestEvent.at(traces, clockMs);
      setLine(
        latest === null
          ? ''
          : narrate(latest.trace, latest.event, narrationContext(gateway, clockMs)),
      );
    };
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.clockMs === previous.clockMs && state.traces === previous.traces) return;
      latestEvent.at(state.traces, state.clockMs);
      if (timer !== undefined) return;
      const waitMs = Math.max(0, lastShownMs + THROTTLE_MS - performance.now());
      timer = setTimeout(show, waitMs);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, []);
  return (
    <p className="narration" aria-live="polite" data-testid="narration">
      {line}
    </p>
  );
}

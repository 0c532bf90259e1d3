import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store';
import { decidedCount } from '../../store/traceWindow';
import { countByStatus, summarise } from './statusCounts';

/** Waits this long after the last decision, so a burst is announced once, summarised. */
const QUIET_MS = 600;

/** Tells screen readers what came back, e.g. "6 responses: 5 × 200, 1 × 429". */
export function LogAnnouncer() {
  const [message, setMessage] = useState('');
  const announced = useRef(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.traces === previous.traces) return;
      if (decidedCount(state) < announced.current) announced.current = 0;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const current = useAppStore.getState();
        // `announced` counts every request decided so far; the window starts after the older ones.
        const from = Math.max(0, announced.current - current.olderTraces.count);
        const text = summarise(countByStatus(current.traces, from));
        announced.current = decidedCount(current);
        if (text !== '') setMessage(text);
      }, QUIET_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, []);
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="announcer">
      {message}
    </p>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store';
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
      if (state.traces.length < announced.current) announced.current = 0;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { traces } = useAppStore.getState();
        const text = summarise(countByStatus(traces, announced.current));
        announced.current = traces.length;
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

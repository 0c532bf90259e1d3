import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store';
import { formatClock } from './timeline';

/** The simulated clock, written straight into the DOM on change (it changes every frame). */
export function ClockReadout() {
  const ref = useRef<HTMLOutputElement>(null);
  useEffect(() => {
    const show = (ms: number) => {
      const text = formatClock(ms);
      // Only a new figure is written: each write lays the text out again.
      if (ref.current !== null && ref.current.textContent !== text) ref.current.textContent = text;
    };
    show(useAppStore.getState().clockMs);
    return useAppStore.subscribe((state, previous) => {
      if (state.clockMs !== previous.clockMs) show(state.clockMs);
    });
  }, []);
  return (
    <output ref={ref} className="clock-readout" aria-label="Simulated time" data-testid="clock">
      {formatClock(0)}
    </output>
  );
}

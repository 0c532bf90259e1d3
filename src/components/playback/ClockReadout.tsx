import { useEffect, useRef } from 'react';
import { pacedAppState } from './pacedState';
import { formatClock } from './timeline';

/**
 * The simulated clock, written straight into the DOM (it changes every frame), at the
 * readouts' pace while it plays (pacedState.ts) and exactly whenever it stops.
 */
export function ClockReadout() {
  const ref = useRef<HTMLOutputElement>(null);
  useEffect(() => {
    const show = () => {
      const text = formatClock(pacedAppState.getState().clockMs);
      // Only a new figure is written: each write lays the text out again.
      if (ref.current !== null && ref.current.textContent !== text) ref.current.textContent = text;
    };
    const unsubscribe = pacedAppState.subscribe(show);
    show();
    return unsubscribe;
  }, []);
  return (
    <output ref={ref} className="clock-readout" aria-label="Simulated time" data-testid="clock">
      {formatClock(0)}
    </output>
  );
}

import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store';
import { paceReadout } from './readoutPace';
import { formatClock } from './timeline';

/**
 * The simulated clock, written straight into the DOM (it changes every frame), at a readable
 * pace while it plays (readoutPace.ts) and exactly whenever it stops.
 */
export function ClockReadout() {
  const ref = useRef<HTMLOutputElement>(null);
  useEffect(
    () =>
      paceReadout(
        useAppStore,
        (state, previous) => state.clockMs !== previous.clockMs,
        ({ clockMs }) => {
          const text = formatClock(clockMs);
          // Only a new figure is written: each write lays the text out again.
          if (ref.current !== null && ref.current.textContent !== text) {
            ref.current.textContent = text;
          }
        },
      ),
    [],
  );
  return (
    <output ref={ref} className="clock-readout" aria-label="Simulated time" data-testid="clock">
      {formatClock(0)}
    </output>
  );
}

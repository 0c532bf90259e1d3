import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store';
import { formatClock } from './timeline';

/** The simulated clock, written straight into the DOM on change (it changes every frame). */
export function ClockReadout() {
  const ref = useRef<HTMLOutputElement>(null);
  useEffect(() => {
    const show = (ms: number) => {
      if (ref.current !== null) ref.current.textContent = formatClock(ms);
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

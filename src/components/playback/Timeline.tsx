import { useEffect, useRef } from 'react';
import { useAppStore, type AppState } from '../../store';
import { rewindOffReason } from '../../store/rewindSlice';
import { pacedAppState } from './pacedState';
import { formatClock } from './timeline';
import { ownsKey } from './usePlaybackLoop';

/** The timeline's end: the latest moment reached, or now if later. */
function endMs(state: AppState): number {
  return Math.max(state.horizonMs, state.clockMs);
}

/** ← steps back to the previous moment something happened, when no control owns the key. */
function useStepBackKey(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'ArrowLeft' || event.altKey || event.ctrlKey || event.metaKey) return;
      if (ownsKey(event.target, event.key)) return;
      event.preventDefault();
      useAppStore.getState().stepBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * Under the graph: drag to any moment since the last Reset (the playground is rebuilt there by
 * replaying what was done), step back with ← as well as forward with →, and undo.
 */
export function Timeline() {
  useStepBackKey();
  const slider = useRef<HTMLInputElement>(null);
  const offReason = useAppStore(rewindOffReason);
  // Asked on every store update (each frame while playing): the first action only, not a count.
  const canUndo = useAppStore((s) => (s.history.actions[0]?.atMs ?? Infinity) <= s.clockMs);
  const { rewindTo, stepBack, undo } = useAppStore.getState();

  // The clock moves every frame while playing: the slider is written straight into the DOM, at
  // the readouts' pace (pacedState.ts).
  useEffect(() => {
    let written = '';
    const show = () => {
      const state = pacedAppState.getState();
      const input = slider.current;
      const end = endMs(state);
      const text = `${formatClock(state.clockMs)} of ${formatClock(end)}`;
      if (input === null || text === written) return;
      written = text;
      input.max = String(end);
      input.value = String(state.clockMs);
      input.setAttribute('aria-valuetext', text);
    };
    const unsubscribe = pacedAppState.subscribe(show);
    show();
    return unsubscribe;
  }, []);

  return (
    <div className="timeline" role="group" aria-label="Timeline">
      <button
        type="button"
        onClick={stepBack}
        disabled={offReason !== null}
        title="Back to the previous event (←)"
      >
        ⇤ Back
      </button>
      <label className="timeline-scrub">
        <span className="visually-hidden">Time</span>
        <input
          ref={slider}
          type="range"
          min={0}
          step={10}
          defaultValue={0}
          disabled={offReason !== null}
          onChange={(e) => rewindTo(Number(e.target.value))}
        />
      </label>
      <button type="button" onClick={undo} disabled={offReason !== null || !canUndo}>
        Undo
      </button>
      {offReason !== null && <p className="field-note timeline-off">{offReason}</p>}
    </div>
  );
}

import { useAppStore, type AppState } from '../../store';
import { SPEEDS } from '../../store/playbackSlice';
import { ClockReadout } from './ClockReadout';
import { usePacedAppStore } from './pacedState';
import { usePlaybackKeys, usePlaybackLoop } from './usePlaybackLoop';
import { formatWait } from './timeline';
import './playback.css';

/** How long until the selected client may send again (the limiter's snapshot), to 0.1 s. */
function nextSlotWaitMs(state: AppState, apiKey: string | null): number | null {
  if (apiKey === null || !state.gateway.authenticate(apiKey).ok) return null;
  try {
    const wait = state.gateway.getLimiter().snapshot(apiKey, state.clockMs).msUntilAllowed;
    return wait > 0 ? Math.ceil(wait / 100) * 100 : null;
  } catch {
    return null;
  }
}

/** Play/pause, speed, step, jumps and reset for the simulated clock. Space and → work too. */
export function PlaybackBar({ apiKey }: { apiKey: string | null }) {
  usePlaybackLoop();
  usePlaybackKeys();
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const waitMs = usePacedAppStore((s) => nextSlotWaitMs(s, apiKey));
  const { togglePlay, setSpeed, stepToNextEvent, jumpBy, resetAll } = useAppStore.getState();
  return (
    <div className="playback-bar" role="group" aria-label="Playback">
      <button type="button" onClick={togglePlay} aria-pressed={playing} className="play-button">
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={stepToNextEvent} title="Jump to the next event (→)">
        Step ⇥
      </button>
      <label className="speed-field" htmlFor="playback-speed">
        Speed
      </label>
      <select id="playback-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <button type="button" onClick={() => jumpBy(10_000)}>
        +10 s
      </button>
      <button
        type="button"
        className="jump-slot"
        disabled={waitMs === null}
        onClick={() => waitMs !== null && jumpBy(Math.ceil(waitMs))}
      >
        {/* Holds the button at its widest, so the bar never rewraps as the countdown comes and
            goes: the controls under it would move under the learner's pointer. */}
        <span className="jump-slot__widest" aria-hidden="true">
          Jump to next slot (00.0&nbsp;s)
        </span>
        <span>
          {waitMs === null ? 'Next slot: now' : `Jump to next slot (${formatWait(waitMs)})`}
        </span>
      </button>
      <button type="button" onClick={resetAll}>
        Reset
      </button>
      <ClockReadout />
      <span className="playback-hint">Space: play/pause · ←/→: step back/forward</span>
    </div>
  );
}

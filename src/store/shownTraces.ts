import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { RequestTrace, Simulation } from '../engine';
import type { OlderTraces } from './traceWindow';

/**
 * What the panels show: the decided requests (the newest in full, older ones summarised) and the
 * simulation they belong to, taken together.
 */
export interface ShownTraces {
  readonly traces: readonly RequestTrace[];
  readonly olderTraces: OlderTraces;
  readonly simulation: Simulation;
}

export interface FollowTiming {
  /** The copy catches up once the traces have not changed for this long. */
  readonly quietMs: number;
  /** …and at least this often while they keep changing (a long burst). */
  readonly maxWaitMs: number;
  readonly now: () => number;
}

export const FOLLOW_TIMING: FollowTiming = {
  quietMs: 40,
  maxWaitMs: 250,
  now: () => performance.now(),
};

/**
 * A copy of the decided requests for the page's panels (the log, the gateway's counts, the
 * window strips, the experiments' checks). The playground decides a big burst over several
 * animation frames; re-rendering every panel inside those frames made them long tasks. The panels
 * follow this copy instead, which catches up from a timer once deciding pauses, and at least every
 * `maxWaitMs` during a long burst. The packet canvas still reads the live traces every frame.
 */
export function followTraces<S extends ShownTraces>(
  source: StoreApi<S>,
  timing: FollowTiming = FOLLOW_TIMING,
): UseBoundStore<StoreApi<ShownTraces>> {
  const pick = ({ traces, olderTraces, simulation }: ShownTraces): ShownTraces => ({
    traces,
    olderTraces,
    simulation,
  });
  const shown = create<ShownTraces>(() => pick(source.getState()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitingSince: number | null = null;
  const catchUp = () => {
    timer = undefined;
    waitingSince = null;
    const next = source.getState();
    const current = shown.getState();
    if (next.traces !== current.traces || next.simulation !== current.simulation) {
      shown.setState(pick(next), true);
    }
  };
  source.subscribe((state, previous) => {
    if (state.traces === previous.traces && state.simulation === previous.simulation) return;
    const now = timing.now();
    waitingSince ??= now;
    clearTimeout(timer);
    const untilMax = Math.max(0, waitingSince + timing.maxWaitMs - now);
    timer = setTimeout(catchUp, Math.min(timing.quietMs, untilMax));
  });
  return shown;
}

import type { StateCreator } from 'zustand';
import type { RequestTrace, TrafficRequest } from '../engine';
import type { AppState } from './index';
import { appendTraces, NO_OLDER_TRACES, type OlderTraces } from './traceWindow';

export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8];

/**
 * A burst arriving at one instant is decided over several frames: at most this many decisions
 * per frame, and no more once FRAME_BUDGET_MS is spent, in chunks of DECISION_CHUNK. The clock
 * holds at the first arrival not yet decided, so decisions still happen in arrival order at
 * their true times.
 */
export const DECISIONS_PER_FRAME = 400;
const DECISION_CHUNK = 25;
const FRAME_BUDGET_MS = 5;

/** A frame longer than this (a background tab, a debugger) moves the clock no further. */
const MAX_FRAME_MS = 100;

/** The playback clock over the playground's simulated time, and what the tour points at. */
export interface PlaybackSlice {
  /** Requests that dropped out of `traces` (the newest are kept in full), as exact counts. */
  olderTraces: OlderTraces;
  playing: boolean;
  /** Simulated ms per real ms. */
  speed: number;
  /** A moment to draw packets at instead of `clockMs` (the tour going back); null: the clock. */
  viewMs: number | null;
  /** The graph node the tour is talking about, or null. */
  highlight: string | null;
  /** The learner asked for less motion: outcomes appear at once, no travelling packets. */
  reducedMotion: boolean;
  setPlaying: (playing: boolean) => void;
  togglePlay: () => void;
  setSpeed: (speed: number) => void;
  /**
   * Called each animation frame with the real time elapsed; a gap longer than `maxRealMs` (a
   * background tab, a debugger) moves the clock by that much only.
   */
  tick: (realMs: number, maxRealMs?: number) => void;
  /** Jumps the clock to the next event of any request (or the next arrival) and pauses. */
  stepToNextEvent: () => void;
  /** Moves the clock forward by `ms` simulated ms. */
  jumpBy: (ms: number) => void;
  /** Moves the clock to when every request sent so far has its response. */
  settleNow: () => void;
  setView: (ms: number | null) => void;
  setHighlight: (nodeId: string | null) => void;
  setReducedMotion: (reduced: boolean) => void;
  /** Sends traffic, then plays it (or, with reduced motion, shows the outcome at once). */
  sendAndPlay: (traffic: readonly TrafficRequest[]) => Promise<void>;
  /** Empties the playground and stops the clock at 0. */
  resetAll: () => void;
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => ({
  olderTraces: NO_OLDER_TRACES,
  playing: false,
  speed: 1,
  viewMs: null,
  highlight: null,
  reducedMotion: false,

  setPlaying: (playing) => set({ playing, viewMs: null }),
  togglePlay: () => set((s) => ({ playing: !s.playing, viewMs: null })),
  setSpeed: (speed) => {
    if (Number.isFinite(speed) && speed > 0) set({ speed });
  },

  tick: (realMs, maxRealMs = MAX_FRAME_MS) => {
    const { playing, speed, clockMs, simulation, preparing } = get();
    if (!playing || realMs <= 0 || preparing) return;
    const target = clockMs + Math.min(realMs, maxRealMs) * speed;
    const started = performance.now();
    const fresh: RequestTrace[] = [];
    let stoppedEarly: boolean;
    do {
      const chunk = Math.min(DECISION_CHUNK, DECISIONS_PER_FRAME - fresh.length);
      for (const trace of simulation.advanceTo(target, chunk)) fresh.push(trace);
      const next = simulation.nextArrivalMs;
      stoppedEarly = next !== null && next <= target;
    } while (
      stoppedEarly &&
      fresh.length < DECISIONS_PER_FRAME &&
      performance.now() - started < FRAME_BUDGET_MS
    );
    // Requests due by `target` are still undecided: the clock waits at the first of them.
    const reachedMs = stoppedEarly ? Math.max(clockMs, simulation.nextArrivalMs ?? target) : target;
    // One store update per frame, however many chunks went through.
    const { traces, olderTraces } = get();
    set(
      fresh.length > 0
        ? { clockMs: reachedMs, ...appendTraces(traces, olderTraces, fresh, reachedMs) }
        : { clockMs: reachedMs },
    );
  },

  stepToNextEvent: () => {
    const { clockMs, simulation, advanceClock } = get();
    const next = simulation.nextEventAfter(clockMs);
    set({ playing: false, viewMs: null });
    if (next !== null) advanceClock(next);
  },

  jumpBy: (ms) => {
    const { clockMs, advanceClock } = get();
    set({ viewMs: null });
    advanceClock(clockMs + ms);
  },

  settleNow: () => {
    const { simulation, advanceClock } = get();
    const last = simulation.pending.at(-1);
    if (last !== undefined) advanceClock(simulation.arrivalMs(last));
    const { clockMs, simulation: current } = get();
    advanceClock(Math.max(clockMs, current.lastResponseMs));
  },

  setView: (ms) => set({ viewMs: ms }),
  setHighlight: (nodeId) => set({ highlight: nodeId }),
  setReducedMotion: (reduced) => set({ reducedMotion: reduced }),

  sendAndPlay: async (traffic) => {
    // The whole send goes to the simulation at once; `tick` spreads the deciding over frames.
    await get().sendTraffic(traffic);
    if (get().reducedMotion) get().settleNow();
    else set({ playing: true, viewMs: null });
  },

  resetAll: () => {
    get().resetPlayground();
    set({ playing: false, viewMs: null, highlight: null });
  },
});

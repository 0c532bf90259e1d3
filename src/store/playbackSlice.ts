import type { StateCreator } from 'zustand';
import { DEFAULT_TIMING, type RequestTrace, type TrafficRequest } from '../engine';
import { lastResponseMs, nextEventMs } from '../components/playback/timeline';
import type { AppState } from './index';

export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8];

/**
 * Large sends are handed to the simulation in batches of this many, as many batches per frame
 * as fit in FRAME_BUDGET_MS, so deciding 10,000 requests never blocks one frame for long. The
 * clock holds at the first arrival not yet handed over, so decisions still happen in arrival
 * order at their true times.
 */
export const SEND_BATCH = 100;
const FRAME_BUDGET_MS = 6;

/** A frame longer than this (a background tab, a debugger) moves the clock no further. */
const MAX_FRAME_MS = 100;

/** The playback clock over the playground's simulated time, and what the tour points at. */
export interface PlaybackSlice {
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
  /** Called each animation frame with the real time elapsed. */
  tick: (realMs: number) => void;
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
  /** Requests of a large send not yet handed to the simulation (see SEND_BATCH). */
  backlogCount: number;
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => {
  let backlog: readonly TrafficRequest[] = [];
  let backlogIndex = 0;
  /** The simulation the backlog was meant for: a reset from elsewhere makes it void. */
  let backlogFor: unknown = null;
  const networkMs = DEFAULT_TIMING.networkMs;

  /** Hands the next `count` waiting requests to the simulation (sendTraffic runs preparers). */
  const feed = async (count: number): Promise<void> => {
    if (backlogFor !== get().simulation) backlog = [];
    if (backlogIndex >= backlog.length) return;
    const batch = backlog.slice(backlogIndex, backlogIndex + count);
    backlogIndex += batch.length;
    if (backlogIndex >= backlog.length) {
      backlog = [];
      backlogIndex = 0;
    }
    try {
      await get().sendTraffic(batch);
    } catch (error) {
      // The simulation refused the batch (it cannot go back in time): drop the rest, say why.
      backlog = [];
      backlogIndex = 0;
      set({ backlogCount: 0 });
      console.error('Could not hand queued requests to the simulation:', error);
    }
  };
  const flush = () => {
    const done = feed(Infinity);
    if (get().backlogCount !== 0) set({ backlogCount: 0 });
    return done;
  };
  /** The arrival the clock must not pass while requests before it are still waiting. */
  const holdMs = () => {
    const next = backlog[backlogIndex];
    return next === undefined ? Infinity : next.sentAtMs + networkMs;
  };

  return {
    playing: false,
    backlogCount: 0,
    speed: 1,
    viewMs: null,
    highlight: null,
    reducedMotion: false,

    setPlaying: (playing) => set({ playing, viewMs: null }),
    togglePlay: () => set((s) => ({ playing: !s.playing, viewMs: null })),
    setSpeed: (speed) => {
      if (Number.isFinite(speed) && speed > 0) set({ speed });
    },

    tick: (realMs) => {
      const { playing, speed, clockMs } = get();
      if (!playing || realMs <= 0) return;
      const target = clockMs + Math.min(realMs, MAX_FRAME_MS) * speed;
      if (backlog.length === 0) {
        get().advanceClock(target);
        return;
      }
      // Hand over and decide batches until the frame's budget is spent, then publish once:
      // one store update per frame, however many batches went through.
      const { simulation } = get();
      const started = performance.now();
      const fresh: RequestTrace[] = [];
      let reachedMs = clockMs;
      do {
        void feed(SEND_BATCH);
        if (get().preparing) break;
        reachedMs = Math.max(reachedMs, Math.min(target, holdMs()));
        for (const trace of simulation.advanceTo(reachedMs)) fresh.push(trace);
      } while (holdMs() <= target && performance.now() - started < FRAME_BUDGET_MS);
      const { traces } = get();
      const backlogCount = backlog.length - backlogIndex;
      set(
        fresh.length > 0
          ? { clockMs: reachedMs, traces: [...traces, ...fresh], backlogCount }
          : { clockMs: reachedMs, backlogCount },
      );
    },

    stepToNextEvent: () => {
      void flush();
      const { traces, clockMs, simulation, advanceClock } = get();
      const next = nextEventMs(traces, clockMs, simulation.nextArrivalMs);
      set({ playing: false, viewMs: null });
      if (next !== null) advanceClock(next);
    },

    jumpBy: (ms) => {
      void flush();
      const { clockMs, advanceClock } = get();
      set({ viewMs: null });
      advanceClock(clockMs + ms);
    },

    settleNow: () => {
      void flush();
      const { simulation, advanceClock } = get();
      const last = simulation.pending.at(-1);
      if (last !== undefined) advanceClock(last.sentAtMs + DEFAULT_TIMING.networkMs);
      const { traces, clockMs } = get();
      advanceClock(Math.max(clockMs, lastResponseMs(traces)));
    },

    setView: (ms) => set({ viewMs: ms }),
    setHighlight: (nodeId) => set({ highlight: nodeId }),
    setReducedMotion: (reduced) => set({ reducedMotion: reduced }),

    sendAndPlay: async (traffic) => {
      await flush();
      const sorted = [...traffic].sort((a, b) => a.sentAtMs - b.sentAtMs);
      const first = get().preparers.size > 0 ? sorted : sorted.slice(0, SEND_BATCH);
      await get().sendTraffic(first);
      backlog = sorted.slice(first.length);
      backlogIndex = 0;
      backlogFor = get().simulation;
      set({ backlogCount: backlog.length });
      if (get().reducedMotion) get().settleNow();
      else set({ playing: true, viewMs: null });
    },

    resetAll: () => {
      backlog = [];
      backlogIndex = 0;
      get().resetPlayground();
      set({ playing: false, viewMs: null, highlight: null, backlogCount: 0 });
    },
  };
};

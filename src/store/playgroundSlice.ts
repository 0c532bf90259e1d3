import type { StateCreator } from 'zustand';
import {
  Gateway,
  SettingError,
  Simulation,
  type GatewaySettings,
  type RateLimitAlgorithm,
  type RequestTrace,
  type Route,
  type RouteLookup,
  type TrafficRequest,
} from '../engine';
import { INITIAL_ROUTES, INITIAL_SETTINGS } from '../content/services';
import type { AppState } from './index';
import { appendTraces, NO_OLDER_TRACES } from './traceWindow';

export const PLAYGROUND_SEED = 2024;

/**
 * Something that must get ready before traffic enters the simulation, e.g. learner code in the
 * worker that has to compute routes or limiter decisions for the coming requests. `pending` are
 * the requests already queued (in arrival order), `traffic` the ones about to be sent.
 */
export interface SendPreparer {
  prepare(traffic: readonly TrafficRequest[], pending: readonly TrafficRequest[]): Promise<void>;
}

/** The playground: a gateway, its simulation and what has happened so far. */
export interface PlaygroundSlice {
  /** Mutable engine objects; replaced (never mutated into a new identity) on reset. */
  gateway: Gateway;
  simulation: Simulation;
  settings: GatewaySettings;
  routes: readonly Route[];
  /** Every decided request, in arrival order. */
  traces: readonly RequestTrace[];
  /** Simulated time the playground has reached. */
  clockMs: number;
  /** Preparers run before each send; the clock stands still while they run. */
  preparers: ReadonlyMap<string, SendPreparer>;
  /** True while preparers run: `advanceClock` does nothing then. */
  preparing: boolean;
  /**
   * Sends traffic into the simulation (times are absolute simulated ms, not before `clockMs`).
   * Resolves once the traffic is queued; rejects with the preparer's or simulation's error.
   */
  sendTraffic: (traffic: readonly TrafficRequest[]) => Promise<void>;
  /** Registers (or, with null, removes) a preparer under a name. */
  setPreparer: (name: string, preparer: SendPreparer | null) => void;
  /** Moves simulated time forward, deciding the requests that reach the gateway by then. */
  advanceClock: (toMs: number) => void;
  /** Applies limiter/auth settings; returns the problem, or null when applied. */
  applySettings: (settings: Partial<GatewaySettings>) => SettingError | null;
  /** Adds a route; returns the problem, or null when added. */
  addRoute: (route: Route) => SettingError | null;
  removeRoute: (path: string) => void;
  /** Routes with another lookup (e.g. the learner's), or the built-in one when null. */
  setRouteLookup: (lookup: RouteLookup | null) => void;
  /** Rate-limits with another limiter (e.g. the learner's), or the built-in one when null. */
  setLimiterOverride: (limiter: RateLimitAlgorithm | null) => void;
  /** Empties the log and starts the gateway afresh, keeping settings and routes. */
  resetPlayground: () => void;
}

function freshEngine(settings: GatewaySettings, routes: readonly Route[]) {
  const gateway = new Gateway(settings, routes);
  return { gateway, simulation: new Simulation(gateway, { seed: PLAYGROUND_SEED }) };
}

export const createPlaygroundSlice: StateCreator<AppState, [], [], PlaygroundSlice> = (
  set,
  get,
) => ({
  ...freshEngine(INITIAL_SETTINGS, INITIAL_ROUTES),
  settings: INITIAL_SETTINGS,
  routes: INITIAL_ROUTES,
  traces: [],
  clockMs: 0,
  preparers: new Map(),
  preparing: false,

  sendTraffic: async (traffic) => {
    const { preparers, simulation } = get();
    if (preparers.size > 0) {
      set({ preparing: true });
      try {
        for (const preparer of preparers.values()) {
          await preparer.prepare(traffic, simulation.pending);
        }
      } finally {
        set({ preparing: false });
      }
    }
    get().simulation.send(traffic);
  },

  setPreparer: (name, preparer) => {
    const next = new Map(get().preparers);
    if (preparer === null) next.delete(name);
    else next.set(name, preparer);
    set({ preparers: next });
  },

  advanceClock: (toMs) => {
    const { simulation, traces, olderTraces, clockMs, preparing } = get();
    if (toMs < clockMs || preparing) return;
    const fresh = simulation.advanceTo(toMs);
    set(
      fresh.length > 0
        ? { clockMs: toMs, ...appendTraces(traces, olderTraces, fresh, toMs) }
        : { clockMs: toMs },
    );
  },

  applySettings: (partial) => {
    const { gateway } = get();
    try {
      gateway.configure(partial);
    } catch (error) {
      if (error instanceof SettingError) return error;
      throw error;
    }
    set({ settings: gateway.getSettings() });
    return null;
  },

  addRoute: (route) => {
    const { gateway } = get();
    try {
      gateway.addRoute(route);
    } catch (error) {
      if (error instanceof SettingError) return error;
      throw error;
    }
    set({ routes: [...gateway.getRoutes()] });
    return null;
  },

  removeRoute: (path) => {
    const { gateway } = get();
    gateway.removeRoute(path);
    set({ routes: [...gateway.getRoutes()] });
  },

  setRouteLookup: (lookup) => get().gateway.useRouteLookup(lookup),

  setLimiterOverride: (limiter) => {
    const { gateway } = get();
    if (limiter === null) gateway.resetLimiter();
    else gateway.useLimiter(limiter);
  },

  resetPlayground: () => {
    const { settings, routes } = get();
    set({ ...freshEngine(settings, routes), traces: [], olderTraces: NO_OLDER_TRACES, clockMs: 0 });
  },
});

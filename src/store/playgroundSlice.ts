import type { StateCreator } from 'zustand';
import {
  Gateway,
  PROFILES,
  SettingError,
  type GatewaySettings,
  type ProfileName,
  type RateLimitAlgorithm,
  type RequestTrace,
  type Route,
  type RouteLookup,
  type Simulation,
  type TrafficRequest,
} from '../engine';
import { INITIAL_ROUTES, INITIAL_SETTINGS } from '../content/services';
import type { AppState } from './index';
import { freshEngine } from './rewind';
import { withoutRequest } from './selectionSlice';
import { appendTraces, NO_OLDER_TRACES } from './traceWindow';

export const PLAYGROUND_SEED = 2024;

/**
 * The largest limit the playground accepts. The page draws, explains and quizzes on every allowed
 * request of a window, and a burst sends at most 10,000: a larger limit shows nothing new and
 * costs the page its speed.
 */
export const MAX_LIMIT_REQUESTS = 10_000;

/**
 * What a real gateway's profile fixes: its algorithm, and (Kong) the windows it counts over. The
 * lesson lets every algorithm and window be tried.
 */
function profileSettingProblem(
  profile: ProfileName,
  settings: Partial<GatewaySettings>,
): SettingError | null {
  const { label, limit } = PROFILES[profile];
  if (profile === 'lesson') return null;
  if (settings.algorithm !== undefined && settings.algorithm !== limit.algorithm)
    return new SettingError(
      'algorithm',
      `${label} limits with ${limit.mechanism}; choose "The lesson" to try another algorithm`,
    );
  const { windowMs } = settings;
  if (windowMs !== undefined && limit.windowsMs !== null && !limit.windowsMs.includes(windowMs))
    return new SettingError(
      'windowMs',
      `${label} counts per ${limit.windowsMs.map((ms) => `${ms / 1000} s`).join(', ')}`,
    );
  return null;
}

/** The playground's own bound on settings the engine would accept; the engine checks the rest. */
function playgroundSettingProblem(settings: Partial<GatewaySettings>): SettingError | null {
  const { maxRequests } = settings;
  if (maxRequests !== undefined && maxRequests > MAX_LIMIT_REQUESTS)
    return new SettingError(
      'maxRequests',
      `must be at most ${MAX_LIMIT_REQUESTS.toLocaleString('en-US')}, got ${maxRequests}`,
    );
  return null;
}

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
  /** Whose rules the gateway follows: the lesson's or a real gateway's profile. */
  profile: ProfileName;
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
  /**
   * Switches the gateway to another profile (stage order, matching, algorithm, answers, headers);
   * recorded for rewind. Returns the problem (a window the gateway cannot count over), or null.
   */
  setProfile: (profile: ProfileName) => SettingError | null;
  /** Applies limiter/auth settings; returns the problem, or null when applied. */
  applySettings: (settings: Partial<GatewaySettings>) => SettingError | null;
  /** Adds a route; returns the problem, or null when added. */
  addRoute: (route: Route) => SettingError | null;
  removeRoute: (path: string) => void;
  /** Replaces the whole routing table (a scenario, saved routes); on a problem nothing changes. */
  replaceRoutes: (routes: readonly Route[]) => SettingError | null;
  /** Routes with another lookup (e.g. the learner's), or the built-in one when null. */
  setRouteLookup: (lookup: RouteLookup | null) => void;
  /** Rate-limits with another limiter (e.g. the learner's), or the built-in one when null. */
  setLimiterOverride: (limiter: RateLimitAlgorithm | null) => void;
  /** Empties the log and starts the gateway afresh, keeping settings and routes. */
  resetPlayground: () => void;
}

/** Why replaying cannot rebuild what learner code decided. */
const LEARNER_CODE_RAN = 'your code answered for the gateway, and it is not replayed';

export const createPlaygroundSlice: StateCreator<AppState, [], [], PlaygroundSlice> = (
  set,
  get,
) => ({
  ...freshEngine({ settings: INITIAL_SETTINGS, routes: INITIAL_ROUTES, seed: PLAYGROUND_SEED }),
  profile: 'lesson',
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
    if (preparers.size > 0) get().stopRecordingHistory(LEARNER_CODE_RAN);
    get().recordAction({ kind: 'send', traffic });
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

  setProfile: (profile) => {
    const { gateway, settings } = get();
    if (profile === get().profile) return null;
    const problem = profileSettingProblem(profile, { windowMs: settings.windowMs });
    if (problem !== null) return problem;
    gateway.useProfile(PROFILES[profile]);
    set({ profile, settings: gateway.getSettings() });
    get().recordAction({ kind: 'profile', profile });
    return null;
  },

  applySettings: (partial) => {
    const { gateway } = get();
    const problem =
      profileSettingProblem(get().profile, partial) ?? playgroundSettingProblem(partial);
    if (problem !== null) return problem;
    try {
      gateway.configure(partial);
    } catch (error) {
      if (error instanceof SettingError) return error;
      throw error;
    }
    set({ settings: gateway.getSettings() });
    get().recordAction({ kind: 'settings', settings: partial });
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
    get().recordAction({ kind: 'add-route', route });
    return null;
  },

  removeRoute: (path) => {
    const { gateway } = get();
    gateway.removeRoute(path);
    set({ routes: [...gateway.getRoutes()] });
    get().recordAction({ kind: 'remove-route', path });
  },

  replaceRoutes: (routes) => {
    const { gateway } = get();
    // Checked on a spare gateway first, so a bad table leaves the playground's one untouched.
    try {
      new Gateway(gateway.getSettings(), routes, gateway.profile);
    } catch (error) {
      if (error instanceof SettingError) return error;
      throw error;
    }
    // Recorded as the removals and additions they are, so rewind and undo replay them.
    for (const route of gateway.getRoutes()) {
      gateway.removeRoute(route.path);
      get().recordAction({ kind: 'remove-route', path: route.path });
    }
    for (const route of routes) {
      gateway.addRoute(route);
      get().recordAction({ kind: 'add-route', route });
    }
    set({ routes: [...gateway.getRoutes()] });
    return null;
  },

  setRouteLookup: (lookup) => {
    get().gateway.useRouteLookup(lookup);
    if (lookup !== null) get().stopRecordingHistory(LEARNER_CODE_RAN);
  },

  setLimiterOverride: (limiter) => {
    const { gateway } = get();
    if (limiter === null) gateway.resetLimiter();
    else {
      gateway.useLimiter(limiter);
      get().stopRecordingHistory(LEARNER_CODE_RAN);
    }
  },

  resetPlayground: () => {
    const { settings, routes, profile, pipeline, selection } = get();
    // Reset keeps the rules and the stages as set and brings every instance back up. Request
    // ids start at 1 again: an open request would be another one, so it closes.
    set({
      selection: withoutRequest(selection),
      ...freshEngine({ profile, settings, routes, pipeline, seed: PLAYGROUND_SEED }),
      downInstances: [],
      traces: [],
      olderTraces: NO_OLDER_TRACES,
      clockMs: 0,
    });
    get().restartHistory();
  },
});

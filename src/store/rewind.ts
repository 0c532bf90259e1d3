import {
  Gateway,
  PROFILES,
  Simulation,
  type GatewaySettings,
  type ProfileName,
  type RequestTrace,
  type Route,
  type TrafficRequest,
} from '../engine';
import { applyPipeline, downInstancesOf, pipelineOf, type PipelineConfig } from './pipeline';

/**
 * Time you can rewind. The engine is deterministic, so the playground at any moment is a fresh
 * gateway and simulation that replays the recorded playground actions up to that moment. This is
 * the one place that builds engine objects for the playground: when the engine's constructors
 * change, only this file has to follow.
 */

/** Something the learner did to the playground, at the simulated moment it was done. */
export type PlaygroundAction =
  | { readonly kind: 'send'; readonly atMs: number; readonly traffic: readonly TrafficRequest[] }
  | {
      readonly kind: 'settings';
      readonly atMs: number;
      readonly settings: Partial<GatewaySettings>;
    }
  | { readonly kind: 'add-route'; readonly atMs: number; readonly route: Route }
  | { readonly kind: 'remove-route'; readonly atMs: number; readonly path: string }
  | { readonly kind: 'profile'; readonly atMs: number; readonly profile: ProfileName }
  | { readonly kind: 'pipeline'; readonly atMs: number; readonly pipeline: PipelineConfig }
  | {
      /** An instance (0-based `index`) of `service` taken down, or brought back up. */
      readonly kind: 'instance';
      readonly atMs: number;
      readonly service: string;
      readonly index: number;
      readonly down: boolean;
    };

/** Where a recording starts: the settings and routes the playground was (re)started with. */
export interface RecordingStart {
  /** The gateway whose rules applied; the lesson's when missing (recordings made before profiles). */
  readonly profile?: ProfileName;
  readonly settings: GatewaySettings;
  readonly routes: readonly Route[];
  readonly seed: number;
  /** The optional stages; missing: all off (recordings made before there were any). */
  readonly pipeline?: PipelineConfig;
}

/**
 * The recorded actions, in the order they were done (so in time order). Memory is bounded: at
 * most MAX_ACTIONS actions holding at most MAX_RECORDED_REQUESTS requests. At the cap recording
 * stops (`stoppedBecause` says why), the playground goes on as before, and rewind and undo are off
 * until the next Reset, because the moments after the cap could not be rebuilt.
 */
export interface History {
  readonly start: RecordingStart;
  readonly actions: readonly PlaygroundAction[];
  readonly recordedRequests: number;
  readonly stoppedBecause: string | null;
}

export const MAX_ACTIONS = 500;
export const MAX_RECORDED_REQUESTS = 50_000;

export function emptyHistory(start: RecordingStart): History {
  return { start, actions: [], recordedRequests: 0, stoppedBecause: null };
}

function requestsIn(action: PlaygroundAction): number {
  return action.kind === 'send' ? action.traffic.length : 0;
}

/** Stops recording: what is recorded so far can no longer rebuild the playground after this. */
export function stopRecording(history: History, reason: string): History {
  return history.stoppedBecause === null ? { ...history, stoppedBecause: reason } : history;
}

/**
 * Adds an action done at `action.atMs`. Actions recorded after that moment (a future left by
 * rewinding) are dropped first: doing something in the past starts a new future from there.
 */
export function record(history: History, action: PlaygroundAction): History {
  if (history.stoppedBecause !== null) return history;
  const kept = history.actions.filter((a) => a.atMs <= action.atMs);
  const requests = kept.reduce((sum, a) => sum + requestsIn(a), 0) + requestsIn(action);
  if (kept.length + 1 > MAX_ACTIONS || requests > MAX_RECORDED_REQUESTS) {
    return stopRecording(
      history,
      `the history is full (${MAX_ACTIONS} actions or ${MAX_RECORDED_REQUESTS.toLocaleString('en')} requests)`,
    );
  }
  return { ...history, actions: [...kept, action], recordedRequests: requests };
}

/** How many actions were done at or before `atMs`. */
export function actionsUpTo(history: History, atMs: number): number {
  let count = 0;
  for (const action of history.actions) {
    if (action.atMs > atMs) break;
    count++;
  }
  return count;
}

/** The history without its last action done at or before `atMs`, nor anything after it. */
export function withoutLastAction(history: History, atMs: number): History {
  const kept = history.actions.slice(0, Math.max(0, actionsUpTo(history, atMs) - 1));
  return {
    ...history,
    actions: kept,
    recordedRequests: kept.reduce((sum, a) => sum + requestsIn(a), 0),
  };
}

/** A fresh gateway and its simulation, as the playground starts them. */
export function freshEngine(start: RecordingStart): { gateway: Gateway; simulation: Simulation } {
  const gateway = new Gateway(start.settings, start.routes);
  gateway.useProfile(PROFILES[start.profile ?? 'lesson']);
  if (start.pipeline !== undefined) applyPipeline(gateway, start.pipeline);
  return { gateway, simulation: new Simulation(gateway, { seed: start.seed }) };
}

/** The name under which PROFILES holds the gateway's profile. */
export function profileNameOf(gateway: Gateway): ProfileName {
  const name = gateway.profile.name;
  return Object.hasOwn(PROFILES, name) ? (name as ProfileName) : 'lesson';
}

/** The playground as it was at a moment: engine objects, what they decided, settings and routes. */
export interface RebuiltPlayground {
  readonly profile: ProfileName;
  readonly gateway: Gateway;
  readonly simulation: Simulation;
  readonly traces: readonly RequestTrace[];
  readonly settings: GatewaySettings;
  readonly routes: readonly Route[];
  readonly pipeline: PipelineConfig;
  readonly downInstances: readonly string[];
  readonly clockMs: number;
}

function apply(gateway: Gateway, simulation: Simulation, action: PlaygroundAction): void {
  if (action.kind === 'send') simulation.send(action.traffic);
  else if (action.kind === 'settings') gateway.configure(action.settings);
  else if (action.kind === 'add-route') gateway.addRoute(action.route);
  else if (action.kind === 'profile') gateway.useProfile(PROFILES[action.profile]);
  else if (action.kind === 'remove-route') gateway.removeRoute(action.path);
  else if (action.kind === 'pipeline') applyPipeline(gateway, action.pipeline);
  else gateway.upstreams.setDown(action.service, action.index, action.down);
}

/**
 * Rebuilds the playground at `toMs`: a fresh engine replays every action done at or before that
 * moment, each at its own time, then the clock runs on to `toMs`. Pure: it touches no store.
 */
export function rebuildAt(history: History, toMs: number): RebuiltPlayground {
  const { gateway, simulation } = freshEngine(history.start);
  const traces: RequestTrace[] = [];
  for (const action of history.actions) {
    if (action.atMs > toMs) break;
    for (const trace of simulation.advanceTo(action.atMs)) traces.push(trace);
    apply(gateway, simulation, action);
  }
  for (const trace of simulation.advanceTo(toMs)) traces.push(trace);
  return {
    profile: profileNameOf(gateway),
    gateway,
    simulation,
    traces,
    settings: gateway.getSettings(),
    routes: [...gateway.getRoutes()],
    pipeline: pipelineOf(gateway),
    downInstances: downInstancesOf(gateway),
    clockMs: toMs,
  };
}

/**
 * The latest moment before `beforeMs` at which something happened on the graph: an action, or
 * any event of a decided request. Null when nothing did.
 */
export function previousMomentBefore(
  history: History,
  traces: readonly RequestTrace[],
  beforeMs: number,
): number | null {
  let latest = -Infinity;
  for (const action of history.actions) {
    if (action.atMs < beforeMs && action.atMs > latest) latest = action.atMs;
  }
  for (const trace of traces) {
    for (const event of trace.events) {
      if (event.atMs < beforeMs && event.atMs > latest) latest = event.atMs;
    }
  }
  return latest === -Infinity ? null : latest;
}

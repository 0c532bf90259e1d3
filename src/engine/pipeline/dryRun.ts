import type { GatewayProfile } from '../profiles/types';
import type { Route } from '../routing';
import type { Upstreams } from '../upstream/upstreams';
import { createContext, runPipeline } from './runner';
import type { GatewayRequest, GatewayStage, StageContext, StageName } from './types';

/** A request reaching the gateway at `atMs`. */
export interface Arrival {
  readonly request: GatewayRequest;
  readonly atMs: number;
}

/** What a stage receives: which arrival, when, and the request as the stages before it left it. */
export interface StageCall {
  /** Position of the arrival in the list given to `dryRun`. */
  readonly index: number;
  readonly request: GatewayRequest;
  readonly method: string;
  readonly atMs: number;
  /** The path as the stage sees it (normalised when that stage is on). */
  readonly path: string;
  readonly route: Route | null;
}

function callAt(index: number, context: StageContext): StageCall {
  return {
    index,
    request: context.request,
    method: context.method,
    atMs: context.atMs,
    path: context.path,
    route: context.route,
  };
}

const forkOf = (stage: GatewayStage): GatewayStage => stage.fork?.() ?? stage;

/**
 * Which of `arrivals` (in arrival order) reach the stage named `target`, and with what, if they
 * were sent now: the stages before it run on forked copies of their state, so the gateway is left
 * exactly as it was. When a stage before the target learns from responses (a cache, health
 * checks), whether a request gets through depends on the answers to earlier ones, so then the
 * whole pipeline runs on forks, upstream included. No rule is restated here: the stages decide.
 */
export function dryRun(
  stages: readonly GatewayStage[],
  target: StageName,
  arrivals: readonly Arrival[],
  options: { readonly profile: GatewayProfile; readonly upstreams: Upstreams },
): StageCall[] {
  const at = stages.findIndex((stage) => stage.name === target);
  if (at === -1) throw new Error(`no stage "${target}" in this pipeline`);
  const calls: StageCall[] = [];
  const before = stages.slice(0, at);
  if (before.some((stage) => stage.learnsFromResponses === true)) {
    const forks = stages.map((stage, i) => {
      if (i !== at) return forkOf(stage);
      const fork = forkOf(stage);
      let index = -1;
      const recording: GatewayStage = {
        ...fork,
        run(context) {
          calls.push(callAt(index, context));
          return fork.run(context);
        },
      };
      return Object.assign(recording, {
        setIndex(i: number) {
          index = i;
        },
      });
    });
    const recorder = forks[at] as GatewayStage & { setIndex(i: number): void };
    const run = { profile: options.profile, upstreams: options.upstreams.fork(), dryRun: true };
    arrivals.forEach((arrival, i) => {
      recorder.setIndex(i);
      runPipeline(forks, arrival.request, arrival.atMs, run);
    });
    return calls;
  }
  const forks = before.map(forkOf);
  arrivals.forEach((arrival, i) => {
    const context = createContext(arrival.request, arrival.atMs, true);
    for (const stage of forks) {
      context.stagesRun++;
      if (stage.run(context).verdict !== 'pass') return;
    }
    calls.push(callAt(i, context));
  });
  return calls;
}

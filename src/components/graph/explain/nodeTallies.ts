import type { HttpStatus, RequestTrace, StageName, StageRecord, Verdict } from '../../../engine';
import {
  clientTally,
  clientTallyPrefix,
  instanceOutcomeOf,
  instanceTally,
  stageTally,
  type InstanceOutcome,
} from '../../../store/tallies';
import { TraceTimes, upperBound } from '../../../store/traceTimes';
import { keptRequest, type OlderTraces } from '../../../store/traceWindow';
import { decidedAtMsOf } from '../../playback/packetPath';

/**
 * What a node has decided or done so far, counted as the graph shows it: a verdict counts once its
 * packet reaches that verdict on the graph (at the clock), summarised requests count at once.
 * Each count is a binary search over moments sorted once per change of the traces (TraceTimes),
 * so an open explanation costs little per frame, even after 10,000 requests.
 */

export const VERDICTS: readonly Verdict[] = ['pass', 'refuse', 'respond'];

/** The moments each stage spoke, by verdict: one list per stage, made when first asked. */
const stageMoments = new Map<StageName, TraceTimes<Verdict>>();

function momentsOfStage(stage: StageName): TraceTimes<Verdict> {
  let moments = stageMoments.get(stage);
  if (moments === undefined) {
    moments = new TraceTimes<Verdict>((trace) => {
      for (const event of trace.events)
        if (event.type === 'stage' && event.stage === stage)
          return { key: event.verdict, atMs: event.atMs };
      return null;
    });
    stageMoments.set(stage, moments);
  }
  return moments;
}

/** When each request's status showed, by client and status. */
const clientMoments = new TraceTimes<string>((trace) => ({
  key: clientTally(trace.request.clientId, trace.decision.status),
  atMs: decidedAtMsOf(trace),
}));

/** When each instance answered (or failed), by instance and outcome. */
const instanceMoments = new TraceTimes<string>((trace) => {
  const outcome = instanceOutcomeOf(trace);
  return outcome === null
    ? null
    : { key: instanceTally(outcome.instance, outcome.outcome), atMs: outcome.atMs };
});

/** The requests shown, the summarised ones, and the moment to count up to. */
export interface TallyInput {
  readonly traces: readonly RequestTrace[];
  readonly olderTraces: OlderTraces;
  readonly atMs: number;
}

/** A request's latest say at a node, and the request. */
export interface LatestAtNode {
  readonly trace: RequestTrace;
  readonly atMs: number;
}

/** The latest of several keys' moments at or before the clock, as a request. */
function latestOf<K>(
  times: TraceTimes<K>,
  keys: readonly K[],
  input: TallyInput,
): LatestAtNode | null {
  let best: { atMs: number; id: number } | null = null;
  for (const key of keys) {
    const latest = times.latest(key, input.atMs);
    if (latest !== null && (best === null || latest.atMs >= best.atMs)) best = latest;
  }
  if (best === null) return null;
  const kept = keptRequest(input, best.id);
  return kept.kind === 'full' ? { trace: kept.trace, atMs: best.atMs } : null;
}

export interface StageTally {
  readonly counts: Readonly<Record<Verdict, number>>;
  /** The latest request the stage spoke about, and what it said. */
  readonly latest: (LatestAtNode & { readonly record: StageRecord }) | null;
}

/** What `stage` decided so far. */
export function stageTallyAt(stage: StageName, input: TallyInput): StageTally {
  const moments = momentsOfStage(stage).follow(input.traces);
  const counts = Object.fromEntries(
    VERDICTS.map((verdict) => [
      verdict,
      upperBound(moments.times(verdict), input.atMs) +
        (input.olderTraces.tallies[stageTally(stage, verdict)] ?? 0),
    ]),
  ) as Record<Verdict, number>;
  const latest = latestOf(moments, VERDICTS, input);
  const record = latest?.trace.decision.stages.find((r) => r.stage === stage);
  return { counts, latest: latest === null || record === undefined ? null : { ...latest, record } };
}

export interface ClientTally {
  /** Statuses its requests got, in status order; only those it got. */
  readonly byStatus: readonly { readonly status: HttpStatus; readonly count: number }[];
  readonly latest: LatestAtNode | null;
}

/** What became of `clientId`'s requests so far. */
export function clientTallyAt(clientId: string, input: TallyInput): ClientTally {
  const moments = clientMoments.follow(input.traces);
  const prefix = clientTallyPrefix(clientId);
  const statuses = new Set<HttpStatus>();
  for (const key of [...moments.keys(), ...Object.keys(input.olderTraces.tallies)])
    if (key.startsWith(prefix)) statuses.add(Number(key.slice(prefix.length)));
  const byStatus = [...statuses]
    .sort((a, b) => a - b)
    .map((status) => {
      const key = clientTally(clientId, status);
      return {
        status,
        count: upperBound(moments.times(key), input.atMs) + (input.olderTraces.tallies[key] ?? 0),
      };
    })
    .filter((entry) => entry.count > 0);
  const keys = [...statuses].map((status) => clientTally(clientId, status));
  return { byStatus, latest: latestOf(moments, keys, input) };
}

export interface InstanceTally {
  readonly served: number;
  readonly failed: number;
}

/** How many requests `instance` served and failed so far. */
export function instanceTallyAt(instance: string, input: TallyInput): InstanceTally {
  const moments = instanceMoments.follow(input.traces);
  const at = (outcome: InstanceOutcome) => {
    const key = instanceTally(instance, outcome);
    return upperBound(moments.times(key), input.atMs) + (input.olderTraces.tallies[key] ?? 0);
  };
  return { served: at('served'), failed: at('failed') };
}

/** The latest request any of `instances` answered or failed, at the clock. */
export function latestExchangeAt(
  instances: readonly string[],
  input: TallyInput,
): LatestAtNode | null {
  const moments = instanceMoments.follow(input.traces);
  const keys = instances.flatMap((name) => [
    instanceTally(name, 'served'),
    instanceTally(name, 'failed'),
  ]);
  return latestOf(moments, keys, input);
}

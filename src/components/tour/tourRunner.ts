import { burst, type RequestTrace, type SimEvent } from '../../engine';
import {
  TOUR_TRAFFIC,
  type TourMoment,
  type TourScenario,
  type TourStep,
  type TourTarget,
} from '../../content/tour';
import { useAppStore } from '../../store';
import { clientNodeId, stageHighlightId } from '../graph/nodeData';

/** Most requests the 429 step sends to use up a quota. */
const MAX_FILL = 200;

/** Where a scenario's requests start in the trace list, and when they were sent. */
export interface ScenarioRun {
  readonly sentAtMs: number;
  /** When the scenario's requests reach the gateway, as the simulation says. */
  readonly arrivalMs: number;
  readonly fromIndex: number;
  readonly count: number;
}

export function highlightId(target: TourTarget): string {
  if (target.kind === 'client') return clientNodeId(target.clientId);
  if (target.kind === 'stage') return stageHighlightId(target.stage);
  return target.serviceId;
}

/** Sends the scenario's traffic at the current clock, for real. */
export async function startScenario(scenario: TourScenario): Promise<ScenarioRun> {
  const spec = TOUR_TRAFFIC[scenario];
  const { clockMs, gateway, simulation, traces, olderTraces, sendTraffic } = useAppStore.getState();
  const template = { clientId: spec.clientId, apiKey: spec.apiKey, path: spec.path };
  const arrivalMs = simulation.arrivalMs({ ...template, sentAtMs: clockMs });
  const count =
    spec.count !== 'fill'
      ? spec.count
      : Math.min(
          MAX_FILL,
          (spec.apiKey === null
            ? 0
            : gateway.getLimiter().snapshot(spec.apiKey, arrivalMs).remaining) + 1,
        );
  await sendTraffic(burst(template, count, clockMs));
  // Counted over every request decided so far: older ones may be summarised out of `traces` later.
  return { sentAtMs: clockMs, arrivalMs, fromIndex: olderTraces.count + traces.length, count };
}

/** The request a scenario follows: for 429 the first refused one, else its last. */
export function followedTrace(run: ScenarioRun, scenario: TourScenario): RequestTrace | undefined {
  const { traces, olderTraces } = useAppStore.getState();
  // `fromIndex` counts summarised requests too; the window starts after them.
  const local = (index: number) => Math.max(0, index - olderTraces.count);
  const mine = traces.slice(local(run.fromIndex), local(run.fromIndex + run.count));
  if (scenario === 'rate-limited')
    return mine.find((t) => t.decision.status === 429) ?? mine.at(-1);
  return mine.at(-1);
}

/** When `moment` happens on the trace's trip (falls back to its deciding stage). */
export function momentMs(trace: RequestTrace, moment: TourMoment): number {
  const matches = (e: SimEvent) =>
    moment === 'served' || moment === 'responded'
      ? e.type === moment
      : e.type === 'stage' && e.stage === moment;
  const event = trace.events.find(matches) ?? trace.events.filter((e) => e.type === 'stage').at(-1);
  const atMs = event?.atMs ?? trace.arrivedAtMs;
  // Stop just before the response lands, so the packet is still visible beside its client.
  return moment === 'responded' ? atMs - 40 : atMs;
}

/** The stages the request has passed by `atMs` on the graph (it is decided on arrival). */
export function stagesReached(
  trace: RequestTrace,
  atMs: number,
): RequestTrace['decision']['stages'] {
  const reached = new Set(
    trace.events.flatMap((e) => (e.type === 'stage' && e.atMs <= atMs ? [e.stage] : [])),
  );
  return trace.decision.stages.filter((s) => reached.has(s.stage));
}

/**
 * Moves the real simulation to the step's moment: sends its request if needed, then advances
 * the clock or, going back, rebuilds the playground as it was then (so its counters and quotas
 * are that step's). Returns the trace followed.
 */
export async function showStep(
  step: TourStep,
  runs: Map<TourScenario, ScenarioRun>,
): Promise<RequestTrace | undefined> {
  const store = useAppStore.getState();
  store.setPlaying(false);
  store.setHighlight(highlightId(step.target));
  let run = runs.get(step.scenario);
  if (run === undefined) {
    run = await startScenario(step.scenario);
    runs.set(step.scenario, run);
  }
  let target = run.sentAtMs;
  let trace: RequestTrace | undefined;
  if (step.moment !== 'sent') {
    if (useAppStore.getState().clockMs < run.arrivalMs) {
      useAppStore.getState().advanceClock(run.arrivalMs);
    }
    trace = followedTrace(run, step.scenario);
    if (trace !== undefined) target = momentMs(trace, step.moment);
  }
  useAppStore.getState().rewindTo(target);
  return trace;
}

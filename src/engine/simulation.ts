import type { Gateway } from './gateway';
import type { GatewayDecision } from './pipeline/runner';
import type { StageCall } from './pipeline/dryRun';
import type { HttpStatus, StageName, UpstreamOutcome, Verdict } from './pipeline/types';
import { limiterKey } from './stages/rateLimit';
import { createRandom, type Random } from './random';
import { bySentAt, type TrafficRequest } from './traffic';

/** How long each leg of a request's trip takes, in simulated ms. */
export interface Timing {
  /** Client → gateway, and gateway → client on the way back. */
  readonly networkMs: number;
  /** Time spent in each gateway stage, for the eye; the decision is made on arrival. */
  readonly stageMs: number;
  /** Gateway → service and back. */
  readonly upstreamMs: number;
  /** A service's own work, drawn uniformly from this range by the seeded generator. */
  readonly serviceMinMs: number;
  readonly serviceMaxMs: number;
}

export const DEFAULT_TIMING: Timing = {
  networkMs: 300,
  stageMs: 200,
  upstreamMs: 250,
  serviceMinMs: 150,
  serviceMaxMs: 450,
};

export type SimEvent =
  | { readonly type: 'sent'; readonly atMs: number; readonly requestId: number }
  | { readonly type: 'arrived'; readonly atMs: number; readonly requestId: number }
  | {
      readonly type: 'stage';
      readonly atMs: number;
      readonly requestId: number;
      readonly stage: StageName;
      /** `respond`: the gateway answered here (a cache hit, an open circuit). */
      readonly verdict: Verdict;
      readonly note: string;
    }
  | {
      /** The gateway sent the request on to one instance of the service. */
      readonly type: 'forwarded';
      readonly atMs: number;
      readonly requestId: number;
      readonly service: string;
      /** e.g. `user-service-2`. */
      readonly instance: string;
    }
  | {
      /** `served`: the instance answered; `failed`: it refused the connection or answered 5xx; `timed-out`: the gateway gave up waiting. */
      readonly type: 'served' | 'failed' | 'timed-out';
      readonly atMs: number;
      readonly requestId: number;
      readonly service: string;
      readonly instance: string;
    }
  | {
      readonly type: 'responded';
      readonly atMs: number;
      readonly requestId: number;
      readonly status: HttpStatus;
    };

/** One request's whole trip: what was sent, what the gateway decided, and every event on the way. */
export interface RequestTrace {
  /** 1, 2, 3, … in the order the requests reached the gateway. */
  readonly id: number;
  readonly request: TrafficRequest;
  readonly arrivedAtMs: number;
  readonly decision: GatewayDecision;
  /** The service's own work (0 when it was not forwarded or never answered). */
  readonly serviceMs: number;
  readonly respondedAtMs: number;
  /** In time order. */
  readonly events: readonly SimEvent[];
}

/**
 * Runs traffic through a gateway on simulated time. Requests wait in a queue until the clock
 * reaches their arrival at the gateway; `advanceTo` decides them in arrival order, so traffic
 * sent later but arriving earlier is still decided first. Same seed and traffic → same traces.
 */
export class Simulation {
  readonly timing: Timing;
  private readonly random: Random;
  /** Waiting requests, sorted by arrival; `cursor` is the first not yet decided. */
  private queue: TrafficRequest[] = [];
  private cursor = 0;
  /**
   * The decided traces that may still have events to come, in arrival order, from `liveFrom` on.
   * Older ones are dropped (the store keeps its own window of traces), so memory stays bounded
   * however many requests are sent: see `forgetFinished`.
   */
  private live: RequestTrace[] = [];
  private liveFrom = 0;
  private decidedSoFar = 0;
  private decidedUpToMs = -Infinity;
  /** The longest arrival-to-response time of any decided request. */
  private longestTripMs = 0;
  private lastResponse = 0;

  constructor(
    readonly gateway: Gateway,
    options: { seed?: number; timing?: Partial<Timing> } = {},
  ) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.random = createRandom(options.seed ?? 1);
    // The gateway computes when a forwarded request reaches its instance and when the answer is
    // back (health checks and the cache act at that moment), so it needs the legs drawn here, and
    // services without a latency of their own work for a time drawn from this seed.
    const { stageMs, upstreamMs, serviceMinMs, serviceMaxMs } = this.timing;
    gateway.upstreams.transit = { stageMs, upstreamMs };
    gateway.upstreams.drawWorkFrom(this.random, serviceMinMs, serviceMaxMs);
  }

  /**
   * Queues requests. Their arrivals must not be earlier than requests already decided. Requests
   * sent at the same instant keep their order, after those already queued for that instant.
   */
  send(traffic: readonly TrafficRequest[]): void {
    if (traffic.length === 0) return;
    // A burst or a generator's output is already in time order: then no sort, just a check.
    const arriving = inSendOrder(traffic) ? traffic : [...traffic].sort(bySentAt);
    const first = arriving[0] as TrafficRequest;
    const earliest = this.arrivalMs(first);
    if (earliest < this.decidedUpToMs) {
      throw new RangeError(
        `a request would arrive at ${earliest} ms, before requests already decided at ${this.decidedUpToMs} ms`,
      );
    }
    const lastWaiting = this.queue[this.queue.length - 1];
    if (this.cursor === this.queue.length || lastWaiting === undefined) {
      this.queue = [...arriving];
      this.cursor = 0;
    } else if (lastWaiting.sentAtMs <= first.sentAtMs) {
      // Arriving after everything queued (the usual case): append, no merge.
      for (const request of arriving) this.queue.push(request);
    } else {
      this.queue = mergeInSendOrder(this.queue, this.cursor, arriving);
      this.cursor = 0;
    }
  }

  /**
   * Decides the queued requests that reach the gateway by `nowMs`, in arrival order, at most
   * `maxDecisions` of them; returns the new traces. Stopped early: `nextArrivalMs <= nowMs`.
   */
  advanceTo(nowMs: number, maxDecisions = Infinity): RequestTrace[] {
    const fresh: RequestTrace[] = [];
    while (this.cursor < this.queue.length && fresh.length < maxDecisions) {
      const request = this.queue[this.cursor] as TrafficRequest;
      const arrivedAtMs = this.arrivalMs(request);
      if (arrivedAtMs > nowMs) break;
      this.cursor++;
      const trace = this.decide(request, arrivedAtMs);
      this.live.push(trace);
      this.longestTripMs = Math.max(this.longestTripMs, trace.respondedAtMs - trace.arrivedAtMs);
      this.lastResponse = Math.max(this.lastResponse, trace.respondedAtMs);
      fresh.push(trace);
    }
    if (this.cursor === this.queue.length) {
      this.queue = [];
      this.cursor = 0;
    }
    this.forgetFinished();
    return fresh;
  }

  /**
   * Drops the traces whose every event is before the last arrival decided. Requests are decided in
   * arrival order and the clock of a caller never goes back before that arrival, so such a trace
   * has nothing left to happen for `nextEventAfter`. Traces are in arrival order and none took
   * longer than `longestTripMs`: the finished ones are a prefix.
   */
  private forgetFinished(): void {
    const live = this.live;
    let from = this.liveFrom;
    while (from < live.length) {
      const trace = live[from] as RequestTrace;
      if (trace.arrivedAtMs + this.longestTripMs >= this.decidedUpToMs) break;
      from++;
    }
    // The array is compacted once the dropped prefix is its larger part: amortised O(1) a trace.
    if (from > 0 && from * 2 >= live.length) {
      this.live = live.slice(from);
      this.liveFrom = 0;
    } else {
      this.liveFrom = from;
    }
  }

  /** Decides everything queued, whatever its time. */
  runAll(): RequestTrace[] {
    return this.advanceTo(Infinity);
  }

  /** When `request` reaches the gateway: the moment it is decided. */
  arrivalMs(request: TrafficRequest): number {
    return request.sentAtMs + this.timing.networkMs;
  }

  /**
   * The calls the rate limiter will get for `requests` with the gateway's current settings, in
   * arrival order: a dry run of the stages before it (the gateway is not changed).
   */
  limiterCallsFor(
    requests: readonly TrafficRequest[],
  ): { clientId: string; timestampMs: number }[] {
    return this.callsTo('rate-limit', requests).map((call) => ({
      clientId: limiterKey(call.request),
      timestampMs: call.atMs,
    }));
  }

  /** Which of `requests` would reach the stage `target`, and with what: a dry run, in arrival order. */
  callsTo(target: StageName, requests: readonly TrafficRequest[]): StageCall[] {
    // A stable sort, as the queue's: arrival order, ties in sending order.
    const arrivals = [...requests]
      .sort(bySentAt)
      .map((request) => ({ request, atMs: this.arrivalMs(request) }));
    return this.gateway.dryRun(arrivals, target);
  }

  /** Requests queued but not yet at the gateway, in arrival order. */
  get pending(): readonly TrafficRequest[] {
    return this.queue.slice(this.cursor);
  }

  /** Requests queued but not yet at the gateway. */
  get pendingCount(): number {
    return this.queue.length - this.cursor;
  }

  /** When the next queued request reaches the gateway, or null. */
  get nextArrivalMs(): number | null {
    const next = this.queue[this.cursor];
    return next === undefined ? null : this.arrivalMs(next);
  }

  /** How many requests have been decided so far. */
  get decidedCount(): number {
    return this.decidedSoFar;
  }

  /**
   * The decided requests that may still have events after the last arrival, in arrival order.
   * Finished ones are not kept: a caller that needs every trace keeps what `advanceTo` returns.
   */
  get liveTraces(): readonly RequestTrace[] {
    return this.live.slice(this.liveFrom);
  }

  /** When the last response of the requests decided so far is back at its client (0 for none). */
  get lastResponseMs(): number {
    return this.lastResponse;
  }

  /**
   * The first moment after `ms` when something happens: an event of a decided request, or the
   * next arrival at the gateway. Null when nothing is left to happen. `ms` is not before the
   * arrival of the last request decided (a playback clock is always there): older finished
   * traces are no longer kept.
   */
  nextEventAfter(ms: number): number | null {
    const arrival = this.nextArrivalMs;
    let best = arrival !== null && arrival > ms ? arrival : Infinity;
    // Traces are in arrival order, and no trip so far took longer than longestTripMs: once a
    // trace arrived that long before `ms`, it and every older one are over.
    for (let i = this.live.length - 1; i >= this.liveFrom; i--) {
      const trace = this.live[i] as RequestTrace;
      if (trace.arrivedAtMs + this.longestTripMs < ms) break;
      for (const event of trace.events) {
        if (event.atMs > ms && event.atMs < best) best = event.atMs;
      }
    }
    return best === Infinity ? null : best;
  }

  private decide(request: TrafficRequest, arrivedAtMs: number): RequestTrace {
    this.decidedUpToMs = arrivedAtMs;
    const id = ++this.decidedSoFar;
    const decision = this.gateway.handle(request, arrivedAtMs);
    const { networkMs, stageMs } = this.timing;
    const events: SimEvent[] = [
      { type: 'sent', atMs: request.sentAtMs, requestId: id },
      { type: 'arrived', atMs: arrivedAtMs, requestId: id },
    ];
    let t = arrivedAtMs;
    for (const record of decision.stages) {
      t += stageMs;
      const { stage, verdict, note } = record;
      events.push({ type: 'stage', atMs: t, requestId: id, stage, verdict, note });
    }
    const upstream = decision.upstream;
    if (upstream !== null) {
      const { service, instance } = upstream;
      events.push({
        type: 'forwarded',
        atMs: upstream.forwardedAtMs,
        requestId: id,
        service,
        instance,
      });
      const type = OUTCOME_EVENT[upstream.outcome];
      events.push({ type, atMs: upstream.answeredAtMs, requestId: id, service, instance });
      t = upstream.settledAtMs;
    }
    const serviceMs = upstream === null ? 0 : upstream.serviceMs;
    t += networkMs;
    events.push({ type: 'responded', atMs: t, requestId: id, status: decision.status });
    return { id, request, arrivedAtMs, decision, serviceMs, respondedAtMs: t, events };
  }
}

const OUTCOME_EVENT = {
  ok: 'served',
  error: 'failed',
  refused: 'failed',
  timeout: 'timed-out',
} as const satisfies Record<UpstreamOutcome, string>;

function inSendOrder(traffic: readonly TrafficRequest[]): boolean {
  for (let i = 1; i < traffic.length; i++) {
    if ((traffic[i] as TrafficRequest).sentAtMs < (traffic[i - 1] as TrafficRequest).sentAtMs)
      return false;
  }
  return true;
}

/**
 * `queue[from..]` and `arriving`, each in send order, merged in linear time. On a tie the queued
 * request goes first, as a stable sort of the two one after the other would have it.
 */
function mergeInSendOrder(
  queue: readonly TrafficRequest[],
  from: number,
  arriving: readonly TrafficRequest[],
): TrafficRequest[] {
  const merged: TrafficRequest[] = [];
  let i = from;
  let j = 0;
  while (i < queue.length && j < arriving.length) {
    const waiting = queue[i] as TrafficRequest;
    const next = arriving[j] as TrafficRequest;
    if (next.sentAtMs < waiting.sentAtMs) {
      merged.push(next);
      j++;
    } else {
      merged.push(waiting);
      i++;
    }
  }
  while (i < queue.length) merged.push(queue[i++] as TrafficRequest);
  while (j < arriving.length) merged.push(arriving[j++] as TrafficRequest);
  return merged;
}

/** All events of `traces` in one time-ordered list (ties: lower request id first). */
export function mergeEvents(traces: readonly RequestTrace[]): SimEvent[] {
  return traces
    .flatMap((trace) => trace.events)
    .sort((a, b) => a.atMs - b.atMs || a.requestId - b.requestId);
}

/** Runs `traffic` through `gateway` from start to end and returns the time-ordered events. */
export function simulate(
  gateway: Gateway,
  traffic: readonly TrafficRequest[],
  options: { seed?: number; timing?: Partial<Timing> } = {},
): { traces: RequestTrace[]; events: SimEvent[] } {
  const simulation = new Simulation(gateway, options);
  simulation.send(traffic);
  const traces = simulation.runAll();
  return { traces, events: mergeEvents(traces) };
}

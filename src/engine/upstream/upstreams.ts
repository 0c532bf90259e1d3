import { SettingError, requireNonNegative, requirePositiveInteger } from '../errors';
import type { UpstreamExchange, UpstreamOutcome } from '../pipeline/types';
import { createRandom, type Random } from '../random';

/** How a service runs: how many instances, how long its work takes, how long the gateway waits. */
export interface ServiceSpec {
  /** Default 1. */
  readonly instances?: number;
  /** The service's own work per request; missing: drawn from `Upstreams.work` (the simulation's). */
  readonly latencyMs?: number;
  /** The gateway gives up and answers 504 after this long. Default 5000 ms. */
  readonly timeoutMs?: number;
}

/**
 * A scheduled failure of one instance (1-based, as people count them) from `fromMs` until just
 * before `toMs`: `down` refuses connections, `error` answers 500, `timeout` never answers.
 */
export interface FaultWindow {
  readonly service: string;
  readonly instance: number;
  readonly fromMs: number;
  readonly toMs: number;
  readonly failure: 'down' | 'error' | 'timeout';
}

/** Time the simulation draws on its way to the service; the gateway's own clock rule uses it. */
export interface Transit {
  /** Time in each stage, for the eye. */
  readonly stageMs: number;
  /** Gateway → service, and service → gateway. */
  readonly upstreamMs: number;
}

export const DEFAULT_TIMEOUT_MS = 5000;

interface ServiceState {
  instances: number;
  latencyMs: number | null;
  timeoutMs: number;
  /** Instances taken down by a call, by 0-based index. */
  down: boolean[];
}

const NAMES = new Map<string, string[]>();
/** The service asked about last and its names (the balancer and the exchange ask in turn). */
let lastService = '';
let lastNames: string[] = [];

/** `user-service` instance 0 → `user-service-1` (remembered: it is asked on every request). */
export function instanceName(service: string, index: number): string {
  let names = service === lastService ? lastNames : NAMES.get(service);
  if (names === undefined) {
    names = [];
    NAMES.set(service, names);
  }
  lastService = service;
  lastNames = names;
  return (names[index] ??= `${service}-${index + 1}`);
}

/**
 * The services behind the gateway and what happens when a request reaches one of their
 * instances. Deterministic: failures come from calls and the fault schedule, the work time from
 * the service's latency or a seeded generator.
 *
 * Clock rule (how upstream time meets the gateway's decision): the gateway decides each request
 * completely when it arrives, in arrival order, exchange included. The exchange's times are
 * computed from the arrival: forwarded after the stages (`Transit.stageMs` each) and any limiter
 * delay, answered after a leg plus the work, settled back at the gateway one leg later. Anything
 * that learns from the answer (health checks, the cache) takes effect at `settledAtMs`, and a
 * request arriving at or after that moment sees it; one arriving earlier does not. So state
 * changes happen in event-time order even though decisions are made in arrival order.
 */
export class Upstreams {
  private readonly services = new Map<string, ServiceState>();
  /**
   * The service looked up last and its state (undefined: none configured): one request asks about
   * its service two or three times (balancer, exchange, timeout). Forgotten when a state is added.
   */
  private lastService: string | null = null;
  private lastState: ServiceState | undefined = undefined;
  private faults: readonly FaultWindow[] = [];
  transit: Transit = { stageMs: 0, upstreamMs: 0 };
  /** Work time for services without a latency: drawn uniformly in [minMs, maxMs). */
  private work: { random: Random; minMs: number; maxMs: number } | null = null;

  /** Sets how a service runs; unspecified fields keep their value (instances default to 1). */
  configureService(service: string, spec: ServiceSpec): void {
    if (spec.instances !== undefined) requirePositiveInteger('instances', spec.instances);
    if (spec.latencyMs !== undefined) requireNonNegative('latencyMs', spec.latencyMs);
    if (spec.timeoutMs !== undefined) requireNonNegative('timeoutMs', spec.timeoutMs);
    const state = this.state(service);
    if (spec.instances !== undefined) {
      state.instances = spec.instances;
      state.down = state.down.slice(0, spec.instances);
    }
    if (spec.latencyMs !== undefined) state.latencyMs = spec.latencyMs;
    if (spec.timeoutMs !== undefined) state.timeoutMs = spec.timeoutMs;
  }

  /** Takes instance `index` (0-based) of `service` down, or brings it back up. */
  setDown(service: string, index: number, down: boolean): void {
    const state = this.state(service);
    if (!Number.isInteger(index) || index < 0 || index >= state.instances) {
      throw new SettingError(
        'instance',
        `${service} has instances 1 to ${state.instances}, got ${index + 1}`,
      );
    }
    state.down[index] = down;
  }

  isDown(service: string, index: number): boolean {
    return this.find(service)?.down[index] === true;
  }

  /** Replaces the fault schedule. */
  scheduleFaults(faults: readonly FaultWindow[]): void {
    for (const fault of faults) {
      requirePositiveInteger('instance', fault.instance);
      if (!(fault.toMs > fault.fromMs))
        throw new SettingError('toMs', `must be after fromMs (${fault.fromMs}), got ${fault.toMs}`);
    }
    this.faults = [...faults];
  }

  getFaults(): readonly FaultWindow[] {
    return this.faults;
  }

  /** Draws the work time of services without their own latency from `random`. */
  drawWorkFrom(random: Random, minMs: number, maxMs: number): void {
    this.work = { random, minMs, maxMs };
  }

  instanceCount(service: string): number {
    return this.find(service)?.instances ?? 1;
  }

  timeoutMs(service: string): number {
    return this.find(service)?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The failure instance `index` suffers at `atMs`, if any. */
  failureAt(service: string, index: number, atMs: number): FaultWindow['failure'] | null {
    if (this.isDown(service, index)) return 'down';
    return this.scheduledFailure(service, index, atMs);
  }

  /** The failure the fault schedule gives instance `index` at `atMs`, if any. */
  private scheduledFailure(
    service: string,
    index: number,
    atMs: number,
  ): FaultWindow['failure'] | null {
    if (this.faults.length === 0) return null;
    for (const fault of this.faults) {
      if (
        fault.service === service &&
        fault.instance === index + 1 &&
        fault.fromMs <= atMs &&
        atMs < fault.toMs
      )
        return fault.failure;
    }
    return null;
  }

  /** What happens to a request sent to instance `index` of `service` at `forwardedAtMs`. */
  exchange(service: string, index: number, forwardedAtMs: number): UpstreamExchange {
    const { upstreamMs } = this.transit;
    // One look-up of the service per request (timeout, down, latency all come from it).
    const state = this.find(service);
    const timeoutMs = state?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const failure =
      state?.down[index] === true ? 'down' : this.scheduledFailure(service, index, forwardedAtMs);
    let outcome: UpstreamOutcome;
    let serviceMs = 0;
    let answeredAtMs: number;
    if (failure === 'down') {
      outcome = 'refused';
      answeredAtMs = forwardedAtMs + upstreamMs;
    } else if (failure === 'timeout') {
      outcome = 'timeout';
      answeredAtMs = forwardedAtMs + timeoutMs;
    } else {
      serviceMs = this.workMs(state?.latencyMs ?? null);
      if (2 * upstreamMs + serviceMs > timeoutMs) {
        outcome = 'timeout';
        serviceMs = 0;
        answeredAtMs = forwardedAtMs + timeoutMs;
      } else {
        outcome = failure === 'error' ? 'error' : 'ok';
        answeredAtMs = forwardedAtMs + upstreamMs + serviceMs;
      }
    }
    return {
      service,
      instance: instanceName(service, index),
      instanceIndex: index,
      outcome,
      forwardedAtMs,
      answeredAtMs,
      // A timeout is the gateway giving up: nothing travels back.
      settledAtMs: outcome === 'timeout' ? answeredAtMs : answeredAtMs + upstreamMs,
      serviceMs,
    };
  }

  /** A copy whose generator continues from the same point but moves on its own (dry runs). */
  fork(): Upstreams {
    const copy = new Upstreams();
    for (const [service, state] of this.services)
      copy.services.set(service, { ...state, down: [...state.down] });
    copy.faults = this.faults;
    copy.transit = this.transit;
    if (this.work !== null)
      copy.work = { ...this.work, random: createRandom(this.work.random.state) };
    return copy;
  }

  /** The service's own latency when it has one, else a draw from the simulation's generator. */
  private workMs(latency: number | null): number {
    if (latency !== null) return latency;
    if (this.work === null) return 0;
    const { random, minMs, maxMs } = this.work;
    return minMs + random.next() * (maxMs - minMs);
  }

  private state(service: string): ServiceState {
    let state = this.services.get(service);
    if (state === undefined) {
      state = { instances: 1, latencyMs: null, timeoutMs: DEFAULT_TIMEOUT_MS, down: [] };
      this.services.set(service, state);
      this.lastService = null;
    }
    return state;
  }

  /** The service's state, or undefined when it was never configured (see `lastService`). */
  private find(service: string): ServiceState | undefined {
    if (service !== this.lastService) {
      this.lastService = service;
      this.lastState = this.services.get(service);
    }
    return this.lastState;
  }
}

import { requirePositive, requirePositiveInteger } from '../errors';

export type BalancingAlgorithm = 'round-robin' | 'least-connections';

export const BALANCING_ALGORITHMS: readonly {
  readonly name: BalancingAlgorithm;
  readonly label: string;
}[] = [
  { name: 'round-robin', label: 'Round robin' },
  { name: 'least-connections', label: 'Least connections' },
];

export interface HealthOptions {
  readonly algorithm: BalancingAlgorithm;
  /** Consecutive failures (5xx or timeout) that eject an instance (Envoy `consecutive_5xx`). */
  readonly failures: number;
  /** How long an ejected instance stays out before one probe may try it. */
  readonly cooldownMs: number;
}

export const DEFAULT_HEALTH: HealthOptions = {
  algorithm: 'round-robin',
  failures: 3,
  cooldownMs: 10_000,
};

export function validateHealth(options: HealthOptions): void {
  requirePositiveInteger('failures', options.failures);
  requirePositive('cooldownMs', options.cooldownMs);
}

/** One instance as the balancer sees it. */
export interface InstanceHealth {
  /** Requests sent to it whose answer is not back yet. */
  active: number;
  consecutiveFailures: number;
  /** Ejected until this moment; null while healthy. */
  ejectedUntilMs: number | null;
  /** A probe is in flight (half-open). */
  probing: boolean;
}

export type InstanceState = 'healthy' | 'ejected' | 'probing';
export type CircuitState = 'closed' | 'half-open' | 'open';

/** An answer coming back at `atMs`, applied to the health book at that moment. */
interface Settle {
  readonly atMs: number;
  readonly service: string;
  readonly index: number;
  readonly ok: boolean;
}

/** The balancer's choice: an instance, and whether it is a half-open probe. */
export interface Pick {
  readonly index: number;
  readonly probe: boolean;
}

/**
 * Passive health checks and the circuit, per service (Envoy outlier detection, Kong passive
 * health checks): after `failures` consecutive failures an instance is ejected for `cooldownMs`;
 * once the cool-down is over, the next request is sent to it as the one probe; the probe's answer
 * closes the circuit for it, or ejects it again. Answers are applied at the moment they are back
 * (`settle`), in time order, before any later pick: see the clock rule in `Upstreams`.
 */
export class HealthBook {
  private readonly services = new Map<string, { instances: InstanceHealth[]; cursor: number }>();
  /** Answers not yet applied, sorted by time (ties: the order they were recorded). */
  private pending: Settle[] = [];
  /** `pending[0..applied)` are applied already. */
  private applied = 0;

  constructor(readonly options: HealthOptions) {
    validateHealth(options);
  }

  /** Picks an instance of `service` (with `count` instances) at `nowMs`, or null: circuit open. */
  pick(service: string, count: number, nowMs: number): Pick | null {
    this.applyUntil(nowMs);
    const book = this.book(service, count);
    const instances = book.instances;
    for (let i = 0; i < count; i++) {
      const health = instances[i] as InstanceHealth;
      if (health.ejectedUntilMs !== null && health.ejectedUntilMs <= nowMs && !health.probing) {
        health.probing = true;
        health.active++;
        return { index: i, probe: true };
      }
    }
    let chosen = -1;
    if (this.options.algorithm === 'round-robin') {
      for (let step = 0; step < count; step++) {
        const i = (book.cursor + step) % count;
        if ((instances[i] as InstanceHealth).ejectedUntilMs === null) {
          chosen = i;
          break;
        }
      }
      if (chosen !== -1) book.cursor = (chosen + 1) % count;
    } else {
      let fewest = Infinity;
      for (let i = 0; i < count; i++) {
        const health = instances[i] as InstanceHealth;
        if (health.ejectedUntilMs === null && health.active < fewest) {
          fewest = health.active;
          chosen = i;
        }
      }
    }
    if (chosen === -1) return null;
    (instances[chosen] as InstanceHealth).active++;
    return { index: chosen, probe: false };
  }

  /** Records that the answer from instance `index` is back at `atMs`; applied in time order. */
  settle(service: string, index: number, atMs: number, ok: boolean): void {
    const entry: Settle = { atMs, service, index, ok };
    let at = this.pending.length;
    while (at > this.applied && (this.pending[at - 1] as Settle).atMs > atMs) at--;
    if (at === this.pending.length) this.pending.push(entry);
    else this.pending.splice(at, 0, entry);
  }

  /** Applies every answer back by `nowMs` (inclusive). */
  applyUntil(nowMs: number): void {
    const pending = this.pending;
    let done = this.applied;
    while (done < pending.length && (pending[done] as Settle).atMs <= nowMs) {
      this.apply(pending[done] as Settle);
      done++;
    }
    this.applied = done;
    // Drop applied entries now and then, not on every call.
    if (done > 1024 && done * 2 > pending.length) {
      this.pending = pending.slice(done);
      this.applied = 0;
    }
  }

  /** Each instance's state at `nowMs`, without changing the book. */
  instanceStates(service: string, count: number, nowMs: number): InstanceState[] {
    const view = this.fork();
    view.applyUntil(nowMs);
    const { instances } = view.book(service, count);
    return instances.map((h) =>
      h.ejectedUntilMs === null ? 'healthy' : h.probing ? 'probing' : 'ejected',
    );
  }

  /** The service's circuit at `nowMs`: closed while any instance is healthy. */
  circuit(service: string, count: number, nowMs: number): CircuitState {
    const states = this.instanceStates(service, count, nowMs);
    if (states.includes('healthy')) return 'closed';
    const view = this.fork();
    view.applyUntil(nowMs);
    const { instances } = view.book(service, count);
    const canProbe = instances.some(
      (h) => h.probing || (h.ejectedUntilMs !== null && h.ejectedUntilMs <= nowMs),
    );
    return canProbe ? 'half-open' : 'open';
  }

  fork(): HealthBook {
    const copy = new HealthBook(this.options);
    for (const [service, { instances, cursor }] of this.services)
      copy.services.set(service, { instances: instances.map((h) => ({ ...h })), cursor });
    copy.pending = this.pending.slice(this.applied);
    return copy;
  }

  private apply({ atMs, service, index, ok }: Settle): void {
    const health = this.services.get(service)?.instances[index];
    if (health === undefined) return;
    health.active = Math.max(0, health.active - 1);
    if (ok) {
      health.consecutiveFailures = 0;
      if (health.probing) {
        health.probing = false;
        health.ejectedUntilMs = null;
      }
      return;
    }
    health.consecutiveFailures++;
    if (health.probing) {
      health.probing = false;
      health.ejectedUntilMs = atMs + this.options.cooldownMs;
    } else if (
      health.ejectedUntilMs === null &&
      health.consecutiveFailures >= this.options.failures
    ) {
      health.ejectedUntilMs = atMs + this.options.cooldownMs;
    }
  }

  private book(service: string, count: number): { instances: InstanceHealth[]; cursor: number } {
    let book = this.services.get(service);
    if (book === undefined) {
      book = { instances: [], cursor: 0 };
      this.services.set(service, book);
    }
    while (book.instances.length < count)
      book.instances.push({
        active: 0,
        consecutiveFailures: 0,
        ejectedUntilMs: null,
        probing: false,
      });
    if (book.instances.length > count) book.instances.length = count;
    return book;
  }
}

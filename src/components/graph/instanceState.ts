import { instanceName, type InstanceState } from '../../engine';
import type { AppState } from '../../store';

/** What an instance's state reads as: text and a symbol, never colour alone. */
export const INSTANCE_SHOWN: Record<InstanceState | 'down', { symbol: string; word: string }> = {
  healthy: { symbol: '✓', word: 'up' },
  down: { symbol: '✗', word: 'down' },
  ejected: { symbol: '⏸', word: 'ejected' },
  probing: { symbol: '?', word: 'probing' },
};

/** One instance as the graph shows it at the clock. */
export interface ShownInstance {
  readonly name: string;
  /** Taken down by hand (or by the scenario). */
  readonly down: boolean;
  /** What the balancer's passive health checks make of it. */
  readonly health: InstanceState;
}

/**
 * Each of `service`'s `count` instances at the clock: down by hand, and its health as the
 * balancer sees it (healthy when no health book is kept: balancing off, as the engine has it).
 */
export function shownInstances(
  state: Pick<AppState, 'gateway' | 'downInstances' | 'clockMs'>,
  service: string,
  count: number,
): ShownInstance[] {
  const health = state.gateway.getHealth()?.instanceStates(service, count, state.clockMs) ?? [];
  return Array.from({ length: count }, (_, i) => {
    const name = instanceName(service, i);
    const given = health[i];
    return {
      name,
      down: state.downInstances.includes(name),
      health: given === 'ejected' || given === 'probing' ? given : 'healthy',
    };
  });
}

/** "down", "ejected", "down, ejected", "up": the words for an instance's state. */
export function instanceWords({ down, health }: ShownInstance): string {
  const shown = INSTANCE_SHOWN[down ? 'down' : health];
  return down && health !== 'healthy'
    ? `${shown.word}, ${INSTANCE_SHOWN[health].word}`
    : shown.word;
}

import { useCallback } from 'react';
import { instanceName, type InstanceState } from '../../engine';
import { useAppStore, type AppState } from '../../store';

/** What each instance's chip says: text and a symbol, never colour alone. */
const SHOWN: Record<InstanceState | 'down', { symbol: string; word: string }> = {
  healthy: { symbol: '✓', word: 'up' },
  down: { symbol: '✗', word: 'down' },
  ejected: { symbol: '⏸', word: 'ejected' },
  probing: { symbol: '?', word: 'probing' },
};

/** Each instance's health at the clock, as the balancer's passive health checks see it. */
function instanceStates(state: AppState, service: string, count: number): string {
  const health = state.gateway.getHealth();
  if (health === null) return '';
  return health.instanceStates(service, count, state.clockMs).join(' ');
}

/**
 * The instances of a service that runs several, one chip each: its state in words and a symbol,
 * and a button that takes it down or brings it back up (a recorded playground action).
 */
export function InstanceRow({
  service,
  count,
  withWords,
}: {
  service: string;
  count: number;
  /** Room for "up"/"down" beside the symbol (the symbol and the label say it either way). */
  withWords: boolean;
}) {
  const down = useAppStore((s) => s.downInstances);
  const health = useAppStore(
    useCallback((s: AppState) => instanceStates(s, service, count), [service, count]),
  );
  const states = health.split(' ');
  return (
    <div className="instance-row" role="group" aria-label={`${service} instances`}>
      {Array.from({ length: count }, (_, i) => {
        const name = instanceName(service, i);
        const isDown = down.includes(name);
        const given = states[i];
        // No health book (balancing just turned off, or not yet asked): healthy, as the engine.
        const state: InstanceState = given === 'ejected' || given === 'probing' ? given : 'healthy';
        const shown = SHOWN[isDown ? 'down' : state];
        const also = isDown && state !== 'healthy' ? `, ${SHOWN[state].word}` : '';
        return (
          <button
            key={name}
            type="button"
            className={`instance-chip nodrag nopan is-${isDown ? 'down' : state}`}
            data-instance={name}
            aria-pressed={isDown}
            aria-label={`${name}: ${shown.word}${also}. ${isDown ? 'Bring it back up' : 'Take it down'}`}
            title={`${name}: ${shown.word}${also}. Press to ${isDown ? 'bring it back up' : 'take it down'}.`}
            onClick={() => useAppStore.getState().setInstanceDown(service, i, !isDown)}
          >
            {i + 1} {shown.symbol}
            {withWords ? ` ${shown.word}` : ''}
          </button>
        );
      })}
    </div>
  );
}

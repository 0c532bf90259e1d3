import { useCallback } from 'react';
import { instanceName, type InstanceState } from '../../engine';
import { useAppStore, type AppState } from '../../store';
import { INSTANCE_SHOWN, instanceWords, shownInstances, type ShownInstance } from './instanceState';

/** Each instance's state at the clock, as one string: the row re-renders only when one changes. */
function statesKey(state: AppState, service: string, count: number): string {
  return shownInstances(state, service, count)
    .map((instance) => `${instance.down ? 'down' : 'up'}:${instance.health}`)
    .join(' ');
}

function fromKey(key: string, service: string): ShownInstance[] {
  return key.split(' ').map((part, i) => {
    const [down, health] = part.split(':');
    return {
      name: instanceName(service, i),
      down: down === 'down',
      health: health as InstanceState,
    };
  });
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
  const key = useAppStore(
    useCallback((s: AppState) => statesKey(s, service, count), [service, count]),
  );
  const instances = fromKey(key, service);
  return (
    <div className="instance-row" role="group" aria-label={`${service} instances`}>
      {instances.map((instance, i) => {
        const { name, down } = instance;
        const shown = INSTANCE_SHOWN[down ? 'down' : instance.health];
        const words = instanceWords(instance);
        return (
          <button
            key={name}
            type="button"
            className={`instance-chip nodrag nopan is-${down ? 'down' : instance.health}`}
            data-instance={name}
            aria-pressed={down}
            aria-label={`${name}: ${words}. ${down ? 'Bring it back up' : 'Take it down'}`}
            title={`${name}: ${words}. Press to ${down ? 'bring it back up' : 'take it down'}.`}
            onClick={() => useAppStore.getState().setInstanceDown(service, i, !down)}
          >
            {i + 1} {shown.symbol}
            {withWords ? ` ${shown.word}` : ''}
          </button>
        );
      })}
    </div>
  );
}

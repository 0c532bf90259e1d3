import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useCallback, useMemo } from 'react';
import { useAppStore, useShownTraces, type AppState } from '../../store';
import { usePacedAppStore } from '../playback/pacedState';
import { EXPLANATION_ID } from './explain/explanationId';
import { InstanceRow } from './InstanceRow';
import type { ServiceNodeType } from './nodeData';
import { countUpTo, servedTimes } from './served';

/** A backend service: its address and how many requests it has served. */
export const ServiceNode = memo(function ServiceNode({ data, id }: NodeProps<ServiceNodeType>) {
  const { service, instances, instanceRow, orientation, size, width, height } = data;
  // Sorted once per change of the traces; each frame is then a binary search on the clock.
  const traces = useShownTraces((s) => s.traces);
  const times = useMemo(() => servedTimes(traces, service.id), [traces, service.id]);
  // Summarised requests are all back, so all of them were served before the clock.
  const servedBefore = useShownTraces((s) => s.olderTraces.servedByService[service.id] ?? 0);
  const served =
    servedBefore +
    usePacedAppStore(useCallback((s: AppState) => countUpTo(times, s.clockMs), [times]));
  const routed = useAppStore((s) => s.routes.some((r) => r.serviceUrl === service.url));
  const highlighted = useAppStore((s) => s.highlight === id);
  const selected = useAppStore(
    (s) => s.selection?.kind === 'service' && s.selection.service === service.id,
  );
  const figure = `${served} served${routed ? '' : size === 'phone' ? ' · no route' : ' · no route yet'}`;
  return (
    <div
      className={`graph-node service-node graph-node--${size}${highlighted ? ' is-highlighted' : ''}${routed ? '' : ' is-unrouted'}${selected ? ' is-selected' : ''}`}
      style={{ width, height }}
    >
      <Handle
        type="target"
        position={orientation === 'horizontal' ? Position.Left : Position.Top}
        isConnectable={false}
      />
      {/* The node is the button, but for its instances, which are buttons of their own. */}
      <button
        type="button"
        className="node-button nodrag nopan"
        aria-label={`${service.label}: ${figure}${instanceRow ? `, ${instances} ${instances === 1 ? 'instance' : 'instances'}` : ''}. Explain`}
        aria-expanded={selected}
        aria-controls={selected ? EXPLANATION_ID : undefined}
        onClick={() =>
          useAppStore.getState().select(selected ? null : { kind: 'service', service: service.id })
        }
      >
        <strong>{service.label}</strong>
        <span className="node-key">{service.url.replace('http://', '')}</span>
        <span className="node-figure">{figure}</span>
      </button>
      {instanceRow && (
        <InstanceRow
          service={service.id}
          count={instances}
          withWords={size === 'wide' && instances <= 3}
        />
      )}
    </div>
  );
});

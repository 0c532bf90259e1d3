import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { RequestTrace } from '../../engine';
import { useAppStore } from '../../store';
import type { ServiceNodeType } from './nodeData';

/** Requests this service has finished by `clockMs` (its `served` event is in the past). */
export function servedCount(
  traces: readonly RequestTrace[],
  service: string,
  clockMs: number,
): number {
  let count = 0;
  for (const trace of traces) {
    if (trace.decision.service !== service) continue;
    const served = trace.events.find((event) => event.type === 'served');
    if (served !== undefined && served.atMs <= clockMs) count++;
  }
  return count;
}

/** A backend service: its address and how many requests it has served. */
export const ServiceNode = memo(function ServiceNode({ data, id }: NodeProps<ServiceNodeType>) {
  const { service, orientation, width, height } = data;
  const served = useAppStore((s) => servedCount(s.traces, service.id, s.clockMs));
  const routed = useAppStore((s) => s.routes.some((r) => r.serviceUrl === service.url));
  const highlighted = useAppStore((s) => s.highlight === id);
  return (
    <div
      className={`graph-node service-node${highlighted ? ' is-highlighted' : ''}${routed ? '' : ' is-unrouted'}`}
      style={{ width, height }}
    >
      <Handle
        type="target"
        position={orientation === 'horizontal' ? Position.Left : Position.Top}
        isConnectable={false}
      />
      <strong>{service.label}</strong>
      <span className="node-key">{service.url.replace('http://', '')}</span>
      <span className="node-figure">
        {served} served{routed ? '' : ' · no route yet'}
      </span>
    </div>
  );
});

import { Background, ReactFlow, type Edge, type Node } from '@xyflow/react';
import { CLIENTS, SERVICES } from '../../content/services';

const nodes: Node[] = [
  ...CLIENTS.map((client, i) => ({
    id: `client-${client.id}`,
    position: { x: 0, y: i * 90 },
    data: { label: `${client.label} (${client.apiKey ?? 'no key'})` },
    type: 'input',
  })),
  {
    id: 'gateway',
    position: { x: 280, y: 90 },
    data: { label: 'Gateway: Auth → Rate limit → Router' },
  },
  ...SERVICES.map((service, i) => ({
    id: service.id,
    position: { x: 560, y: i * 70 },
    data: { label: service.label },
    type: 'output',
  })),
];

const edges: Edge[] = [
  ...CLIENTS.map((client) => ({
    id: `e-${client.id}`,
    source: `client-${client.id}`,
    target: 'gateway',
  })),
  ...SERVICES.map((service) => ({ id: `e-${service.id}`, source: 'gateway', target: service.id })),
];

/** Clients → gateway → services. */
export function GatewayGraph() {
  return (
    <div style={{ height: 340 }} aria-label="Graph of clients, the gateway and services">
      <ReactFlow nodes={nodes} edges={edges} fitView nodesDraggable={false}>
        <Background />
      </ReactFlow>
    </div>
  );
}

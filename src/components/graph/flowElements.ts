import type { Edge } from '@xyflow/react';
import { CLIENTS, SERVICES } from '../../content/services';
import type { GraphLayout } from './layout';
import { clientNodeId, GATEWAY_NODE_ID, type GraphNode } from './nodeData';

/** The React Flow nodes for a layout: clients, the gateway and the services. */
export function flowNodes(layout: GraphLayout): GraphNode[] {
  const { orientation, size } = layout;
  const nodes: GraphNode[] = [];
  for (const client of CLIENTS) {
    const box = layout.clients.get(client.id);
    if (box === undefined) continue;
    nodes.push({
      id: clientNodeId(client.id),
      type: 'client',
      position: { x: box.x, y: box.y },
      data: { client, orientation, size, width: box.width, height: box.height },
    });
  }
  const { gateway } = layout;
  const stages = [...layout.stages].map(([name, box]) => ({ name, box }));
  const rowTops = new Set(stages.map((stage) => stage.box.y));
  nodes.push({
    id: GATEWAY_NODE_ID,
    type: 'gateway',
    position: { x: gateway.x, y: gateway.y },
    data: {
      orientation,
      size,
      width: gateway.width,
      height: gateway.height,
      stages,
      compact: rowTops.size > 1,
    },
  });
  for (const service of SERVICES) {
    const box = layout.services.get(service.id);
    if (box === undefined) continue;
    nodes.push({
      id: service.id,
      type: 'service',
      position: { x: box.x, y: box.y },
      data: {
        service,
        instances: layout.serviceInstances.get(service.id) ?? 1,
        instanceRow: layout.instances > 1,
        orientation,
        size,
        width: box.width,
        height: box.height,
      },
    });
  }
  return nodes;
}

export function flowEdges(): Edge[] {
  return [
    ...CLIENTS.map((client) => ({
      id: `edge-${client.id}`,
      source: clientNodeId(client.id),
      target: GATEWAY_NODE_ID,
      type: 'straight',
    })),
    ...SERVICES.map((service) => ({
      id: `edge-${service.id}`,
      source: GATEWAY_NODE_ID,
      target: service.id,
      type: 'straight',
    })),
  ];
}

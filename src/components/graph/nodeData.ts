import type { Node } from '@xyflow/react';
import type { ClientProfile, ServiceProfile } from '../../content/services';
import type { GraphSize, Orientation } from './layout';

export type ClientNodeType = Node<
  {
    client: ClientProfile;
    orientation: Orientation;
    size: GraphSize;
    width: number;
    height: number;
  },
  'client'
>;
export type GatewayNodeType = Node<
  {
    orientation: Orientation;
    size: GraphSize;
    width: number;
    height: number;
    /** Where the row of stage boxes sits inside the gateway: packets aim at these boxes. */
    stageTop: number;
    stageHeight: number;
  },
  'gateway'
>;
export type ServiceNodeType = Node<
  {
    service: ServiceProfile;
    orientation: Orientation;
    size: GraphSize;
    width: number;
    height: number;
  },
  'service'
>;
export type GraphNode = ClientNodeType | GatewayNodeType | ServiceNodeType;

/** Node ids the tour highlights. Stage highlights use `stage-<name>`. */
export const clientNodeId = (id: string) => `client-${id}`;
export const GATEWAY_NODE_ID = 'gateway';
export const stageHighlightId = (stage: string) => `stage-${stage}`;

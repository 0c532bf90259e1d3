import type { Node } from '@xyflow/react';
import type { ClientProfile, ServiceProfile } from '../../content/services';
import type { Orientation } from './layout';

export type ClientNodeType = Node<
  { client: ClientProfile; orientation: Orientation; width: number; height: number },
  'client'
>;
export type GatewayNodeType = Node<
  { orientation: Orientation; width: number; height: number },
  'gateway'
>;
export type ServiceNodeType = Node<
  { service: ServiceProfile; orientation: Orientation; width: number; height: number },
  'service'
>;
export type GraphNode = ClientNodeType | GatewayNodeType | ServiceNodeType;

/** Node ids the tour highlights. Stage highlights use `stage-<name>`. */
export const clientNodeId = (id: string) => `client-${id}`;
export const GATEWAY_NODE_ID = 'gateway';
export const stageHighlightId = (stage: string) => `stage-${stage}`;

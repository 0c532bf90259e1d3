import type { Node } from '@xyflow/react';
import type { ClientProfile, ServiceProfile } from '../../content/services';
import type { StageName } from '../../engine';
import type { Box, GraphSize, Orientation } from './layout';

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
    /** The engine's stages and where each box sits inside the gateway: packets aim at these. */
    stages: readonly { readonly name: StageName; readonly box: Box }[];
    /** More than one row of stages: each box shows its label only (details in its explanation). */
    compact: boolean;
  },
  'gateway'
>;
export type ServiceNodeType = Node<
  {
    service: ServiceProfile;
    /** How many instances it runs. */
    instances: number;
    /** Some service runs several: every service shows its instances in a row. */
    instanceRow: boolean;
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

import { Gateway, type StageName } from '../../engine';
import { CLIENTS, SERVICES } from '../../content/services';

export type Orientation = 'horizontal' | 'vertical';

/** How much room the graph has: the full page width, the playground column, or a phone. */
export type GraphSize = 'wide' | 'column' | 'phone';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box extends Point {
  readonly width: number;
  readonly height: number;
}

/** Where a packet can be: at a client, inside one of the gateway's stages, or at a service. */
export type Waypoint =
  | { readonly kind: 'client'; readonly clientId: string }
  | { readonly kind: 'stage'; readonly stage: StageName }
  | {
      readonly kind: 'service';
      readonly service: string;
      /** The instance (0-based) the packet goes to, when the service runs several. */
      readonly instance?: number;
    };

/** The stages the engine runs by default, in its order (the graph draws what the engine returns). */
export const STAGES: readonly StageName[] = new Gateway().stages().map((stage) => stage.name);

/** What the engine runs, as far as the drawing depends on it. */
export interface GraphShape {
  /** The stages the engine runs, in its order. */
  readonly stages: readonly StageName[];
  /**
   * Instances of each service, by service id, or one number for all (a service not named runs
   * one). While every service runs one, the services are drawn without an instance row.
   */
  readonly instances: number | Readonly<Record<string, number>>;
}

export const DEFAULT_SHAPE: GraphShape = { stages: STAGES, instances: 1 };

/** Where every node sits, in flow coordinates, and where packets go. */
export interface GraphLayout {
  readonly orientation: Orientation;
  readonly size: GraphSize;
  /** The most instances any service runs: above 1, every service gets a row of instances. */
  readonly instances: number;
  /** How many instances each service runs. */
  readonly serviceInstances: ReadonlyMap<string, number>;
  readonly clients: ReadonlyMap<string, Box>;
  readonly gateway: Box;
  /** The stage boxes, relative to the gateway's top-left corner. */
  readonly stages: ReadonlyMap<StageName, Box>;
  readonly services: ReadonlyMap<string, Box>;
  readonly width: number;
  readonly height: number;
}

const PAD = 12;
const GAP = 12;
/** Below the gateway's title and status chips, which may wrap to two lines (one on a phone). */
const STAGE_TOP = 64;
const PHONE_STAGE_TOP = 40;
/** How far above a stage box's bottom edge its packets wait. */
const STAGE_PACKET_INSET = 11;
/** Below the last row of stages. */
const STAGE_BOTTOM = 16;
/** The row of instances at the bottom of a service that runs several: its height. */
export const INSTANCE_ROW = 24;
/** Inside a service node, left and right of the instance row (matches graph.css). */
export const INSTANCE_INSET = 8;

/** Each service's instance count under `shape`, and the most of them. */
function instancesOfShape(shape: GraphShape): {
  readonly instances: number;
  readonly serviceInstances: ReadonlyMap<string, number>;
} {
  const given = shape.instances;
  const serviceInstances = new Map(
    SERVICES.map((s) => [s.id, typeof given === 'number' ? given : (given[s.id] ?? 1)]),
  );
  return { instances: Math.max(1, ...serviceInstances.values()), serviceInstances };
}

/**
 * The stage boxes in rows of at most `perRow`, in the engine's order. With one row they are as
 * tall as `oneRowHeight` (room for a line of detail); with more, `manyRowHeight` each.
 */
function stageBoxes(
  stages: readonly StageName[],
  gatewayWidth: number,
  perRow: number,
  oneRowHeight: number,
  manyRowHeight: number,
  stageTop: number,
): { boxes: Map<StageName, Box>; bottom: number } {
  const rows = Math.max(1, Math.ceil(stages.length / perRow));
  const columns = rows === 1 ? Math.max(3, stages.length) : perRow;
  const height = rows === 1 ? oneRowHeight : manyRowHeight;
  const width = (gatewayWidth - 2 * PAD - (columns - 1) * GAP) / columns;
  const boxes = new Map(
    stages.map((stage, i) => [
      stage,
      {
        x: PAD + (i % columns) * (width + GAP),
        y: stageTop + Math.floor(i / columns) * (height + GAP),
        width,
        height,
      },
    ]),
  );
  return { boxes, bottom: stageTop + rows * height + (rows - 1) * GAP };
}

/** Node widths of a side-by-side layout; the column one is narrower so it is drawn near 1:1. */
const SIDE_BY_SIDE = {
  wide: {
    client: 215,
    gateway: 410,
    service: 220,
    edge: 85,
    rowGap: 100,
    nodeHeight: 86,
    perRow: 4,
  },
  column: {
    client: 160,
    gateway: 296,
    service: 178,
    edge: 27,
    rowGap: 98,
    nodeHeight: 92,
    perRow: 3,
  },
} as const;

function horizontal(size: 'wide' | 'column', shape: GraphShape): GraphLayout {
  const { client, gateway: gatewayWidth, service, edge, perRow } = SIDE_BY_SIDE[size];
  const { rowGap, nodeHeight } = SIDE_BY_SIDE[size];
  const counts = instancesOfShape(shape);
  const instanceRow = counts.instances > 1 ? INSTANCE_ROW : 0;
  const serviceGap = rowGap + instanceRow + (instanceRow > 0 ? 8 : 0);
  const servicesX = client + edge + gatewayWidth + edge;
  const { boxes, bottom } = stageBoxes(shape.stages, gatewayWidth, perRow, 110, 70, STAGE_TOP);
  const gatewayHeight = bottom + STAGE_BOTTOM;
  // Clients and services spread over at least the gateway's height.
  const servicesHeight = (SERVICES.length - 1) * serviceGap + nodeHeight + instanceRow;
  const height = Math.max(
    (CLIENTS.length - 1) * rowGap + nodeHeight,
    servicesHeight,
    gatewayHeight,
  );
  const clientGap = CLIENTS.length > 1 ? (height - nodeHeight) / (CLIENTS.length - 1) : 0;
  const clients = new Map(
    CLIENTS.map((c, i) => [c.id, { x: 0, y: i * clientGap, width: client, height: nodeHeight }]),
  );
  const spreadServices =
    SERVICES.length > 1 ? (height - nodeHeight - instanceRow) / (SERVICES.length - 1) : 0;
  const services = new Map(
    SERVICES.map((s, i) => [
      s.id,
      { x: servicesX, y: i * spreadServices, width: service, height: nodeHeight + instanceRow },
    ]),
  );
  const gateway = {
    x: client + edge,
    y: (height - gatewayHeight) / 2,
    width: gatewayWidth,
    height: gatewayHeight,
  };
  return {
    orientation: 'horizontal',
    size,
    ...counts,
    clients,
    gateway,
    stages: boxes,
    services,
    width: servicesX + service,
    height,
  };
}

/**
 * Stacked for a phone: clients in two short rows, the gateway, services in two short rows, so the
 * whole graph fits the docked playground at close to 1:1.
 */
function vertical(shape: GraphShape): GraphLayout {
  const width = 370;
  const cellGap = 6;
  const cellWidth = (width - cellGap) / 2;
  const cellHeight = 48;
  const edge = 20;
  const cell = (i: number, top: number): Box => ({
    x: (i % 2) * (cellWidth + cellGap),
    y: top + Math.floor(i / 2) * (cellHeight + cellGap),
    width: cellWidth,
    height: cellHeight,
  });
  const rowsHeight = (count: number) => Math.ceil(count / 2) * (cellHeight + cellGap) - cellGap;
  const clients = new Map(CLIENTS.map((c, i) => [c.id, cell(i, 0)]));
  // More stages bring more statuses (502, 503, …): their chips take a second line.
  const stageTop = shape.stages.length > 3 ? PHONE_STAGE_TOP + 12 : PHONE_STAGE_TOP;
  const { boxes, bottom } = stageBoxes(shape.stages, width, 3, 74, 44, stageTop);
  const gateway = {
    x: 0,
    y: rowsHeight(CLIENTS.length) + edge,
    width,
    height: bottom + PAD,
  };
  const servicesTop = gateway.y + gateway.height + edge;
  const counts = instancesOfShape(shape);
  const instanceRow = counts.instances > 1 ? INSTANCE_ROW : 0;
  const serviceCell = (i: number): Box => {
    const box = cell(i, servicesTop);
    const row = Math.floor(i / 2);
    return { ...box, y: box.y + row * instanceRow, height: box.height + instanceRow };
  };
  const services = new Map(SERVICES.map((s, i) => [s.id, serviceCell(i)]));
  const serviceRows = Math.ceil(SERVICES.length / 2);
  return {
    orientation: 'vertical',
    size: 'phone',
    ...counts,
    clients,
    gateway,
    stages: boxes,
    services,
    width,
    height: servicesTop + rowsHeight(SERVICES.length) + serviceRows * instanceRow,
  };
}

/** The graph's layout: side by side on wide screens, stacked on narrow ones. */
export function graphLayout(
  orientation: Orientation,
  size: GraphSize = 'wide',
  shape: GraphShape = DEFAULT_SHAPE,
): GraphLayout {
  if (orientation === 'vertical') return vertical(shape);
  return horizontal(size === 'phone' ? 'column' : size, shape);
}

/** Below this box width the graph stacks (a phone); below WIDE_FROM_PX it uses narrower nodes. */
export const STACK_BELOW_PX = 600;
const WIDE_FROM_PX = 900;

/** Which layout suits a graph box this many CSS pixels wide, so it is drawn close to 1:1. */
export function graphSizeForWidth(widthPx: number): GraphSize {
  if (widthPx < STACK_BELOW_PX) return 'phone';
  return widthPx < WIDE_FROM_PX ? 'column' : 'wide';
}

/** The layout of a size: a phone stacks, the others sit side by side. */
export function layoutOfSize(size: GraphSize, shape: GraphShape = DEFAULT_SHAPE): GraphLayout {
  return graphLayout(size === 'phone' ? 'vertical' : 'horizontal', size, shape);
}

/** The centre of instance `index`'s chip in a service box, in the same coordinates as the box. */
export function instanceCentre(box: Box, index: number, instances: number): Point {
  const cellWidth = (box.width - 2 * INSTANCE_INSET) / instances;
  return {
    x: box.x + INSTANCE_INSET + (index + 0.5) * cellWidth,
    y: box.y + box.height - 4 - (INSTANCE_ROW - 4) / 2,
  };
}

function centre(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** The point a packet heads for at a waypoint; unknown clients or services fall back to the gateway. */
export function anchorOf(layout: GraphLayout, waypoint: Waypoint): Point {
  const { gateway } = layout;
  const vertical = layout.orientation === 'vertical';
  if (waypoint.kind === 'stage') {
    const box = layout.stages.get(waypoint.stage);
    if (box === undefined) return centre(gateway);
    // Low in the box, below its number, label and detail: a packet and its count label never
    // sit on the stage's text.
    return { x: gateway.x + centre(box).x, y: gateway.y + box.y + box.height - STAGE_PACKET_INSET };
  }
  if (waypoint.kind === 'client') {
    const box = layout.clients.get(waypoint.clientId);
    if (box === undefined)
      return vertical
        ? { x: centre(gateway).x, y: gateway.y }
        : { x: gateway.x, y: centre(gateway).y };
    return vertical
      ? { x: box.x + box.width / 2, y: box.y + box.height }
      : { x: box.x + box.width, y: box.y + box.height / 2 };
  }
  const box = layout.services.get(waypoint.service);
  const instance = waypoint.instance;
  const count = layout.serviceInstances.get(waypoint.service) ?? 1;
  if (box !== undefined && instance !== undefined && layout.instances > 1)
    return instanceCentre(box, Math.min(instance, count - 1), count);
  if (box === undefined)
    return vertical
      ? { x: centre(gateway).x, y: gateway.y + gateway.height }
      : { x: gateway.x + gateway.width, y: centre(gateway).y };
  return vertical
    ? { x: box.x + box.width / 2, y: box.y }
    : { x: box.x, y: box.y + box.height / 2 };
}

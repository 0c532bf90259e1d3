import { Gateway, PROFILES, type ProfileName, type StageInfo, type StageName } from '../../engine';
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
  | { readonly kind: 'service'; readonly service: string };

/** The stages the engine runs by default, in its order (the graph draws what the engine returns). */
export const STAGES: readonly StageName[] = new Gateway().stages().map((stage) => stage.name);

/**
 * The stages the graph draws: the always-on ones of `profile` (the gateway's), in the order and
 * with the labels the gateway's pipeline has.
 */
export function drawnStages(gateway: Gateway, profile: ProfileName): readonly StageInfo[] {
  const { required } = PROFILES[profile];
  return gateway.stages().filter((stage) => required.includes(stage.name));
}

/** Where every node sits, in flow coordinates, and where packets go. */
export interface GraphLayout {
  readonly orientation: Orientation;
  readonly size: GraphSize;
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

function stageBoxes(
  gatewayWidth: number,
  stageHeight: number,
  stageTop: number,
  stages: readonly StageName[],
): Map<StageName, Box> {
  const count = Math.max(1, stages.length);
  const width = (gatewayWidth - 2 * PAD - (count - 1) * GAP) / count;
  return new Map(
    stages.map((stage, i) => [
      stage,
      { x: PAD + i * (width + GAP), y: stageTop, width, height: stageHeight },
    ]),
  );
}

/** Node widths of a side-by-side layout; the column one is narrower so it is drawn near 1:1. */
const SIDE_BY_SIDE = {
  wide: { client: 215, gateway: 410, service: 220, edge: 85, rowGap: 100, nodeHeight: 86 },
  column: { client: 160, gateway: 296, service: 178, edge: 27, rowGap: 98, nodeHeight: 92 },
} as const;

function horizontal(size: 'wide' | 'column', stageOrder: readonly StageName[]): GraphLayout {
  const { client, gateway: gatewayWidth, service, edge, rowGap, nodeHeight } = SIDE_BY_SIDE[size];
  const servicesX = client + edge + gatewayWidth + edge;
  const clients = new Map(
    CLIENTS.map((c, i) => [c.id, { x: 0, y: i * rowGap, width: client, height: nodeHeight }]),
  );
  const services = new Map(
    SERVICES.map((s, i) => [
      s.id,
      { x: servicesX, y: i * rowGap, width: service, height: nodeHeight },
    ]),
  );
  const rows = Math.max(CLIENTS.length, SERVICES.length);
  const height = (rows - 1) * rowGap + nodeHeight;
  const gateway = { x: client + edge, y: (height - 190) / 2, width: gatewayWidth, height: 190 };
  return {
    orientation: 'horizontal',
    size,
    clients,
    gateway,
    stages: stageBoxes(gateway.width, 110, STAGE_TOP, stageOrder),
    services,
    width: servicesX + service,
    height,
  };
}

/**
 * Stacked for a phone: clients in two short rows, the gateway, services in two short rows, so the
 * whole graph fits the docked playground at close to 1:1.
 */
function vertical(stageOrder: readonly StageName[]): GraphLayout {
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
  const stageHeight = 74;
  const gateway = {
    x: 0,
    y: rowsHeight(CLIENTS.length) + edge,
    width,
    height: PHONE_STAGE_TOP + stageHeight + PAD,
  };
  const servicesTop = gateway.y + gateway.height + edge;
  const services = new Map(SERVICES.map((s, i) => [s.id, cell(i, servicesTop)]));
  return {
    orientation: 'vertical',
    size: 'phone',
    clients,
    gateway,
    stages: stageBoxes(gateway.width, stageHeight, PHONE_STAGE_TOP, stageOrder),
    services,
    width,
    height: servicesTop + rowsHeight(SERVICES.length),
  };
}

/** The graph's layout: side by side on wide screens, stacked on narrow ones. */
export function graphLayout(
  orientation: Orientation,
  size: GraphSize = 'wide',
  stages: readonly StageName[] = STAGES,
): GraphLayout {
  if (orientation === 'vertical') return vertical(stages);
  return horizontal(size === 'phone' ? 'column' : size, stages);
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
export function layoutOfSize(size: GraphSize, stages: readonly StageName[] = STAGES): GraphLayout {
  return graphLayout(size === 'phone' ? 'vertical' : 'horizontal', size, stages);
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
    const c = centre(box);
    return { x: gateway.x + c.x, y: gateway.y + c.y };
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
  if (box === undefined)
    return vertical
      ? { x: centre(gateway).x, y: gateway.y + gateway.height }
      : { x: gateway.x + gateway.width, y: centre(gateway).y };
  return vertical
    ? { x: box.x + box.width / 2, y: box.y }
    : { x: box.x, y: box.y + box.height / 2 };
}

import { Gateway, type StageName } from '../../engine';
import { CLIENTS, SERVICES } from '../../content/services';

export type Orientation = 'horizontal' | 'vertical';

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

/** Where every node sits, in flow coordinates, and where packets go. */
export interface GraphLayout {
  readonly orientation: Orientation;
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
const STAGE_TOP = 64;
const STAGE_HEIGHT = 110;

function stageBoxes(gatewayWidth: number): Map<StageName, Box> {
  const width = (gatewayWidth - 2 * PAD - 2 * GAP) / 3;
  return new Map(
    STAGES.map((stage, i) => [
      stage,
      { x: PAD + i * (width + GAP), y: STAGE_TOP, width, height: STAGE_HEIGHT },
    ]),
  );
}

function horizontal(): GraphLayout {
  const rowGap = 100;
  const nodeHeight = 86;
  const clients = new Map(
    CLIENTS.map((c, i) => [c.id, { x: 0, y: i * rowGap, width: 215, height: nodeHeight }]),
  );
  const services = new Map(
    SERVICES.map((s, i) => [s.id, { x: 780, y: i * rowGap, width: 220, height: nodeHeight }]),
  );
  const rows = Math.max(CLIENTS.length, SERVICES.length);
  const height = (rows - 1) * rowGap + nodeHeight;
  const gateway = { x: 300, y: (height - 190) / 2, width: 410, height: 190 };
  return {
    orientation: 'horizontal',
    clients,
    gateway,
    stages: stageBoxes(gateway.width),
    services,
    width: 1000,
    height,
  };
}

function vertical(): GraphLayout {
  const cell = (i: number, top: number): Box => ({
    x: (i % 2) * 185,
    y: top + Math.floor(i / 2) * 96,
    width: 175,
    height: 86,
  });
  const clients = new Map(CLIENTS.map((c, i) => [c.id, cell(i, 0)]));
  const clientRows = Math.ceil(CLIENTS.length / 2);
  const gatewayTop = clientRows * 96 + 30;
  const gateway = { x: 0, y: gatewayTop, width: 360, height: 190 };
  const servicesTop = gatewayTop + gateway.height + 40;
  const services = new Map(SERVICES.map((s, i) => [s.id, cell(i, servicesTop)]));
  return {
    orientation: 'vertical',
    clients,
    gateway,
    stages: stageBoxes(gateway.width),
    services,
    width: 360,
    height: servicesTop + Math.ceil(SERVICES.length / 2) * 96,
  };
}

/** The graph's layout: side by side on wide screens, stacked on narrow ones. */
export function graphLayout(orientation: Orientation): GraphLayout {
  return orientation === 'horizontal' ? horizontal() : vertical();
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

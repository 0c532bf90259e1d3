import type { HttpStatus, RequestTrace, Timing, TrafficRequest } from '../../engine';
import { packetPath } from '../playback/packetPath';
import { anchorOf, type GraphLayout, type Point } from './layout';
import { Groups, Legs, type PacketMark } from './packetGroups';

export { BUNCH_GAP, MOST_SINGLE_PACKETS, type PacketMark } from './packetGroups';

/**
 * A packet's path resolved to flow coordinates for one layout, and the leg each step of it is on:
 * no allocation per frame.
 */
interface ResolvedPath {
  readonly times: Float64Array;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** legs[k]: the leg from keyframe k to keyframe k + 1 (see Legs). */
  readonly legs: Int32Array;
  readonly decidedAtMs: number;
  readonly status: HttpStatus;
  readonly cacheHit: boolean;
}

interface LayoutCache {
  /**
   * Paths of the packets in flight only: an entry goes once its request is back, so the cache
   * does not grow with every request ever sent (a WeakMap would: the simulation keeps its traces).
   */
  readonly paths: Map<RequestTrace, ResolvedPath>;
  readonly legs: Legs;
}

const caches = new WeakMap<GraphLayout, LayoutCache>();

/** Most paths resolved in one frame: a burst's first frame is spread over a few frames. */
const NEW_PATHS_PER_FRAME = 300;

function cacheFor(layout: GraphLayout): LayoutCache {
  let cache = caches.get(layout);
  if (cache === undefined) {
    cache = { paths: new Map(), legs: new Legs() };
    caches.set(layout, cache);
  }
  return cache;
}

/** Drops the paths of requests that are back by `t` (after a reset, or the tour going back). */
function sweep(paths: Map<RequestTrace, ResolvedPath>, t: number): void {
  for (const trace of paths.keys()) if (trace.respondedAtMs <= t) paths.delete(trace);
}

function resolvePath(
  layout: GraphLayout,
  legs: Legs,
  trace: RequestTrace,
  timing: Timing,
): ResolvedPath {
  const { keyframes, decidedAtMs, status, cacheHit } = packetPath(trace, timing);
  const n = keyframes.length;
  const times = new Float64Array(n);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const legIds = new Int32Array(Math.max(0, n - 1));
  let previous: Point | null = null;
  keyframes.forEach((k, i) => {
    const p = anchorOf(layout, k.at);
    times[i] = k.atMs;
    xs[i] = p.x;
    ys[i] = p.y;
    if (previous !== null) legIds[i - 1] = legs.idOf(previous, p);
    previous = p;
  });
  return { times, xs, ys, legs: legIds, decidedAtMs, status, cacheHit };
}

export interface PacketMarksOptions {
  /** Collect each mark's trace ids (for hit testing; not needed to draw). */
  readonly withIds?: boolean;
  /** Most new paths to resolve now; packets beyond it are left for a later frame. */
  readonly newPaths?: number;
  /**
   * Says when the frame's time for new paths is spent (asked every few paths): a burst's paths
   * are then resolved over as many frames as a slow machine needs, not in one long one.
   */
  readonly outOfTime?: () => boolean;
}

/** New paths resolved between two questions to `outOfTime`. */
const PATHS_PER_TIME_CHECK = 25;

/**
 * Where the packets in flight are at `t`, in flow coordinates, gathered by leg and outcome so that
 * a burst of 10,000 or a stream of 100 a second at 8× is a handful of marks with counts.
 * `startIndex` is a hint: traces before it are known to be back. Returns the marks, the new hint,
 * and whether some packets were left for a later frame.
 */
export function packetMarks(
  layout: GraphLayout,
  traces: readonly RequestTrace[],
  pending: readonly TrafficRequest[],
  t: number,
  startIndex: number,
  /** The simulation's timing: legs the events do not mark (client → gateway, gateway ↔ service). */
  timing: Timing,
  {
    withIds = false,
    newPaths: pathBudget = NEW_PATHS_PER_FRAME,
    outOfTime = () => false,
  }: PacketMarksOptions = {},
): { marks: PacketMark[]; nextStart: number; deferred: boolean } {
  const { paths, legs } = cacheFor(layout);
  let start = Math.min(startIndex, traces.length);
  while (start < traces.length && (traces[start] as RequestTrace).respondedAtMs <= t) {
    paths.delete(traces[start] as RequestTrace);
    start++;
  }
  // Entries the hint never passed: requests of an older simulation, or views the tour left.
  if (paths.size > traces.length - start + NEW_PATHS_PER_FRAME) sweep(paths, t);
  const groups = new Groups(withIds);
  let newPaths = 0;
  let budget = pathBudget;
  let deferred = false;
  for (let i = start; i < traces.length; i++) {
    const trace = traces[i] as RequestTrace;
    let path = paths.get(trace);
    if (path === undefined) {
      // Too many new ones this frame: this packet is drawn from a following frame on.
      if (newPaths >= budget) {
        deferred = true;
        continue;
      }
      path = resolvePath(layout, legs, trace, timing);
      paths.set(trace, path);
      newPaths++;
      if (newPaths % PATHS_PER_TIME_CHECK === 0 && outOfTime()) budget = newPaths;
    }
    const { times, xs, ys } = path;
    const last = times.length - 1;
    if (last < 1 || t < (times[0] as number) || t >= (times[last] as number)) continue;
    let k = 0;
    while (k < last - 1 && (times[k + 1] as number) <= t) k++;
    const span = (times[k + 1] as number) - (times[k] as number);
    const f = span <= 0 ? 1 : (t - (times[k] as number)) / span;
    const x = (xs[k] as number) + ((xs[k + 1] as number) - (xs[k] as number)) * f;
    const y = (ys[k] as number) + ((ys[k + 1] as number) - (ys[k] as number)) * f;
    const decided = t >= path.decidedAtMs;
    groups.add(
      path.legs[k] as number,
      f,
      x,
      y,
      decided ? path.status : null,
      decided && path.cacheHit,
      trace.id,
    );
  }
  // Requests on their way in head for the first stage the engine runs.
  const first = layout.stages.keys().next().value;
  const to =
    first === undefined
      ? anchorOf(layout, { kind: 'service', service: '' })
      : anchorOf(layout, { kind: 'stage', stage: first });
  const clients = new Map<string, { from: Point; leg: number }>();
  for (const request of pending) {
    if (request.sentAtMs > t) continue;
    const f = Math.min(1, (t - request.sentAtMs) / timing.networkMs);
    let client = clients.get(request.clientId);
    if (client === undefined) {
      const from = anchorOf(layout, { kind: 'client', clientId: request.clientId });
      client = { from, leg: legs.idOf(from, to) };
      clients.set(request.clientId, client);
    }
    const { from, leg } = client;
    groups.add(leg, f, from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f, null, false, -1);
  }
  return { marks: groups.marks(legs), nextStart: start, deferred };
}

/** React Flow's viewport: pan x, pan y, zoom. */
export type Viewport = readonly [number, number, number];

/** A mark placed on the canvas, in its CSS pixels. */
export interface PlacedMark extends PacketMark {
  /** The mark's radius. */
  r: number;
  /**
   * Its head joined another mark of the same outcome at the same spot (its count and ids went
   * there): only its band is drawn.
   */
  joined: boolean;
}

/**
 * Moving packets keep to the right of their leg, by this share of a mark's radius: a request on
 * its way in and a refusal on its way back along the same line are side by side, not on top of
 * each other.
 */
const LANE_OFFSET = 0.9;

/** The radius of a mark at `zoom`, in CSS pixels. */
export function markRadius(zoom: number): number {
  return Math.max(5, 7 * zoom);
}

/**
 * The marks in canvas CSS pixels for the viewport, each in its lane. Heads of one outcome that
 * meet at one spot (packets arriving at a stage and those waiting there) become one mark with the
 * sum of their counts, so no two counts sit on top of each other.
 */
export function placeMarks(marks: readonly PacketMark[], [tx, ty, zoom]: Viewport): PlacedMark[] {
  const r = markRadius(zoom);
  const lane = r * LANE_OFFSET;
  const placed = marks.map((mark): PlacedMark => {
    // To the right of the direction of travel, on a canvas whose y grows downwards.
    const dx = -mark.dirY * lane;
    const dy = mark.dirX * lane;
    return {
      ...mark,
      x: mark.x * zoom + tx + dx,
      y: mark.y * zoom + ty + dy,
      tailX: mark.tailX * zoom + tx + dx,
      tailY: mark.tailY * zoom + ty + dy,
      r,
      joined: false,
    };
  });
  // Biggest first, so a small group joins the big one it meets.
  placed.sort((a, b) => b.count - a.count);
  for (let i = 0; i < placed.length; i++) {
    const mark = placed[i] as PlacedMark;
    if (mark.joined) continue;
    for (let j = i + 1; j < placed.length; j++) {
      const other = placed[j] as PlacedMark;
      if (
        other.joined ||
        other.status !== mark.status ||
        other.cacheHit !== mark.cacheHit ||
        Math.hypot(other.x - mark.x, other.y - mark.y) >= 2 * r
      ) {
        continue;
      }
      mark.count += other.count;
      if (other.traceIds.length > 0) mark.traceIds = [...mark.traceIds, ...other.traceIds];
      other.joined = true;
    }
  }
  return placed;
}

/** What the packet layer drew last, to find what is under the pointer. */
export interface PacketFrame {
  readonly layout: GraphLayout;
  readonly traces: readonly RequestTrace[];
  readonly pending: readonly TrafficRequest[];
  readonly atMs: number;
  readonly startIndex: number;
  readonly timing: Timing;
  readonly viewport: Viewport;
}

let shownFrame: PacketFrame | null = null;

/** The packet layer says what it drew (null: nothing, e.g. with reduced motion). */
export function rememberShownFrame(frame: PacketFrame | null): void {
  shownFrame = frame;
}

/** A spot on the canvas (CSS pixels) and the requests a click there stands for. */
export interface PacketHitTarget {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly traceIds: number[];
}

/**
 * Where each packet, bunch and stream drawn in the current frame is on the canvas (CSS pixels
 * from its top-left corner), with the ids of the requests it stands for: a circle per mark, and
 * for a stream circles along its band too. Requests still on their way to the gateway are not
 * decided yet and stand for no trace. Computed when asked, not every frame.
 */
export function packetHitTargets(): PacketHitTarget[] {
  const frame = shownFrame;
  if (frame === null) return [];
  const { marks } = packetMarks(
    frame.layout,
    frame.traces,
    frame.pending,
    frame.atMs,
    frame.startIndex,
    frame.timing,
    // Only packets that were drawn: a path not resolved then was not on the canvas.
    { withIds: true, newPaths: 0 },
  );
  const targets: PacketHitTarget[] = [];
  for (const mark of placeMarks(marks, frame.viewport)) {
    if (!mark.joined) targets.push({ x: mark.x, y: mark.y, r: mark.r, traceIds: mark.traceIds });
    const length = Math.hypot(mark.x - mark.tailX, mark.y - mark.tailY);
    for (let along = 2 * mark.r; along < length; along += 2 * mark.r) {
      const f = along / length;
      targets.push({
        x: mark.x + (mark.tailX - mark.x) * f,
        y: mark.y + (mark.tailY - mark.y) * f,
        r: mark.r,
        traceIds: mark.traceIds,
      });
    }
  }
  return targets;
}

import type { HttpStatus, RequestTrace, Timing, TrafficRequest } from '../../engine';
import { packetPath } from '../playback/packetPath';
import { anchorOf, type GraphLayout } from './layout';

/** A packet's path resolved to flow coordinates for one layout: no allocation per frame. */
interface ResolvedPath {
  readonly times: Float64Array;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly decidedAtMs: number;
  readonly status: HttpStatus;
  readonly cacheHit: boolean;
}

/**
 * Paths of the packets in flight only: an entry goes once its request is back, so the cache does
 * not grow with every request ever sent (a WeakMap would: the simulation keeps its traces).
 */
const resolved = new WeakMap<GraphLayout, Map<RequestTrace, ResolvedPath>>();

/** Most paths resolved in one frame: a burst's first frame is spread over a few frames. */
const NEW_PATHS_PER_FRAME = 300;

function pathsFor(layout: GraphLayout): Map<RequestTrace, ResolvedPath> {
  let byTrace = resolved.get(layout);
  if (byTrace === undefined) {
    byTrace = new Map();
    resolved.set(layout, byTrace);
  }
  return byTrace;
}

/** Drops the paths of requests that are back by `t` (after a reset, or the tour going back). */
function sweep(paths: Map<RequestTrace, ResolvedPath>, t: number): void {
  for (const trace of paths.keys()) if (trace.respondedAtMs <= t) paths.delete(trace);
}

function resolvePath(layout: GraphLayout, trace: RequestTrace, timing: Timing): ResolvedPath {
  const { keyframes, decidedAtMs, status, cacheHit } = packetPath(trace, timing);
  const n = keyframes.length;
  const times = new Float64Array(n);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  keyframes.forEach((k, i) => {
    const p = anchorOf(layout, k.at);
    times[i] = k.atMs;
    xs[i] = p.x;
    ys[i] = p.y;
  });
  return { times, xs, ys, decidedAtMs, status, cacheHit };
}

/** One thing to draw: a packet (or a group of packets) at a flow position. */
export interface PacketMark {
  x: number;
  y: number;
  /** null until the gateway has decided. */
  status: HttpStatus | null;
  /** Answered from the cache at the gateway (shown as "Hit"). */
  cacheHit: boolean;
  count: number;
}

/** Collects packets into marks, merging those of one status within `cell` flow units. */
class MarkGrid {
  private readonly groups = new Map<number, PacketMark>();
  constructor(private readonly cell = 14) {}

  add(x: number, y: number, status: HttpStatus | null, cacheHit = false, count = 1): void {
    // A number, not a string: this runs for every packet in every frame.
    const key =
      ((Math.round(x / this.cell) * 4096 + Math.round(y / this.cell)) * 1000 + (status ?? 0)) * 2 +
      (cacheHit ? 1 : 0);
    const group = this.groups.get(key);
    if (group === undefined) this.groups.set(key, { x, y, status, cacheHit, count });
    else group.count += count;
  }

  marks(): PacketMark[] {
    return [...this.groups.values()];
  }
}

/**
 * Where the packets in flight are at `t`, in flow coordinates, grouped so that a burst of 10,000
 * is a handful of marks with counts. `startIndex` is a hint: traces before it are known to be
 * back. Returns the marks, the new hint, and whether some packets were left for a later frame.
 */
export function packetMarks(
  layout: GraphLayout,
  traces: readonly RequestTrace[],
  pending: readonly TrafficRequest[],
  t: number,
  startIndex: number,
  /** The simulation's timing: legs the events do not mark (client → gateway, gateway ↔ service). */
  timing: Timing,
): { marks: PacketMark[]; nextStart: number; deferred: boolean } {
  const paths = pathsFor(layout);
  let start = Math.min(startIndex, traces.length);
  while (start < traces.length && (traces[start] as RequestTrace).respondedAtMs <= t) {
    paths.delete(traces[start] as RequestTrace);
    start++;
  }
  // Entries the hint never passed: requests of an older simulation, or views the tour left.
  if (paths.size > traces.length - start + NEW_PATHS_PER_FRAME) sweep(paths, t);
  const grid = new MarkGrid();
  let newPaths = 0;
  let deferred = false;
  for (let i = start; i < traces.length; i++) {
    const trace = traces[i] as RequestTrace;
    let path = paths.get(trace);
    if (path === undefined) {
      // Too many new ones this frame: this packet is drawn from a following frame on.
      if (newPaths >= NEW_PATHS_PER_FRAME) {
        deferred = true;
        continue;
      }
      path = resolvePath(layout, trace, timing);
      paths.set(trace, path);
      newPaths++;
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
    grid.add(x, y, decided ? path.status : null, decided && path.cacheHit);
  }
  // Requests on their way in head for the first stage the engine runs.
  const first = layout.stages.keys().next().value;
  const to =
    first === undefined
      ? anchorOf(layout, { kind: 'service', service: '' })
      : anchorOf(layout, { kind: 'stage', stage: first });
  const clientAnchors = new Map<string, { x: number; y: number }>();
  for (const request of pending) {
    if (request.sentAtMs > t) continue;
    const f = Math.min(1, (t - request.sentAtMs) / timing.networkMs);
    let from = clientAnchors.get(request.clientId);
    if (from === undefined) {
      from = anchorOf(layout, { kind: 'client', clientId: request.clientId });
      clientAnchors.set(request.clientId, from);
    }
    grid.add(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f, null);
  }
  return { marks: grid.marks(), nextStart: start, deferred };
}

import type { HttpStatus, RequestTrace, Timing } from '../../engine';
import { packetPath } from '../playback/packetPath';
import { anchorOf, type GraphLayout } from './layout';
import type { PacketHitTarget } from './packetHitTest';

/**
 * Where each decided request's packet is at a moment, grouped as the packet layer groups its
 * marks (packets of one status within one 14-unit cell are one mark), with the ids of the
 * requests in each group. Stands in until drawPackets.ts hands out the targets of the frame it
 * drew (`packetHitTargets`); only clicks and the hover cursor ask, never the drawing.
 */

/** The packet layer's grouping cell, in flow units (drawPackets' MarkGrid). */
const CELL = 14;

interface Track {
  readonly times: Float64Array;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly decidedAtMs: number;
  readonly status: HttpStatus;
  readonly cacheHit: boolean;
}

/** Tracks per layout and request, kept while the store keeps the request. */
const tracks = new WeakMap<GraphLayout, WeakMap<RequestTrace, Track>>();

function trackOf(layout: GraphLayout, trace: RequestTrace, timing: Timing): Track {
  const { keyframes, decidedAtMs, status, cacheHit } = packetPath(trace, timing);
  const n = keyframes.length;
  const times = new Float64Array(n);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const keyframe = keyframes[i] as (typeof keyframes)[number];
    const point = anchorOf(layout, keyframe.at);
    times[i] = keyframe.atMs;
    xs[i] = point.x;
    ys[i] = point.y;
  }
  return { times, xs, ys, decidedAtMs, status, cacheHit };
}

/**
 * The decided requests' packets at `t` as hit targets of radius `r` (flow units). At most
 * `maxNew` packets are worked out afresh in one call (the hover cursor asks often during a burst
 * of 10,000); the others are left out until a later call.
 */
export function packetTargetsAt(
  layout: GraphLayout,
  traces: readonly RequestTrace[],
  t: number,
  timing: Timing,
  r: number,
  maxNew = Infinity,
): PacketHitTarget[] {
  const groups = new Map<number, { x: number; y: number; r: number; traceIds: number[] }>();
  let byTrace = tracks.get(layout);
  if (byTrace === undefined) tracks.set(layout, (byTrace = new WeakMap()));
  let fresh = 0;
  for (const trace of traces) {
    if (trace.respondedAtMs <= t || trace.request.sentAtMs > t) continue;
    let track = byTrace.get(trace);
    if (track === undefined) {
      if (fresh >= maxNew) continue;
      track = trackOf(layout, trace, timing);
      byTrace.set(trace, track);
      fresh++;
    }
    const { times, xs, ys, decidedAtMs, status, cacheHit } = track;
    const last = times.length - 1;
    if (last < 1 || t < (times[0] as number) || t >= (times[last] as number)) continue;
    let k = 0;
    while (k < last - 1 && (times[k + 1] as number) <= t) k++;
    const span = (times[k + 1] as number) - (times[k] as number);
    const f = span <= 0 ? 1 : (t - (times[k] as number)) / span;
    const x = (xs[k] as number) + ((xs[k + 1] as number) - (xs[k] as number)) * f;
    const y = (ys[k] as number) + ((ys[k + 1] as number) - (ys[k] as number)) * f;
    const shown = t >= decidedAtMs ? status : 0;
    const hit = t >= decidedAtMs && cacheHit ? 1 : 0;
    const key = ((Math.round(x / CELL) * 4096 + Math.round(y / CELL)) * 1000 + shown) * 2 + hit;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { x, y, r, traceIds: [trace.id] });
    else group.traceIds.push(trace.id);
  }
  return [...groups.values()];
}

import type { HttpStatus, RequestTrace, TrafficRequest } from '../../engine';
import { DEFAULT_TIMING } from '../../engine';
import { packetPath, positionAt, type PacketPath } from '../playback/packetPath';
import { anchorOf, type GraphLayout, type Point } from './layout';

const paths = new WeakMap<RequestTrace, PacketPath>();

function pathOf(trace: RequestTrace): PacketPath {
  let path = paths.get(trace);
  if (path === undefined) {
    path = packetPath(trace);
    paths.set(trace, path);
  }
  return path;
}

/** One thing to draw: a packet (or a group of packets) at a flow position. */
export interface PacketMark {
  x: number;
  y: number;
  /** null until the gateway has decided. */
  status: HttpStatus | null;
  count: number;
}

/**
 * Where the packets in flight are at `t`, in flow coordinates. `startIndex` is a hint: traces
 * before it are known to be back. Returns the marks and the new hint.
 */
export function packetMarks(
  layout: GraphLayout,
  traces: readonly RequestTrace[],
  pending: readonly TrafficRequest[],
  t: number,
  startIndex: number,
): { marks: PacketMark[]; nextStart: number } {
  let start = Math.min(startIndex, traces.length);
  while (start < traces.length && (traces[start] as RequestTrace).respondedAtMs <= t) start++;
  const raw: PacketMark[] = [];
  const lerp = (a: Point, b: Point, f: number) => ({
    x: a.x + (b.x - a.x) * f,
    y: a.y + (b.y - a.y) * f,
  });
  for (let i = start; i < traces.length; i++) {
    const path = pathOf(traces[i] as RequestTrace);
    const at = positionAt(path, t);
    if (at === null) continue;
    const p = lerp(anchorOf(layout, at.from), anchorOf(layout, at.to), at.fraction);
    raw.push({ ...p, status: at.decided ? path.status : null, count: 1 });
  }
  for (const request of pending) {
    if (request.sentAtMs > t) continue;
    const f = Math.min(1, (t - request.sentAtMs) / DEFAULT_TIMING.networkMs);
    const from = anchorOf(layout, { kind: 'client', clientId: request.clientId });
    const to = anchorOf(layout, { kind: 'stage', stage: 'auth' });
    raw.push({ ...lerp(from, to, f), status: null, count: 1 });
  }
  // Packets at one spot share one mark with a count, so a burst of 10,000 is a few marks.
  return { marks: groupMarks(raw), nextStart: start };
}

/** Merges marks of one status that sit within a few pixels of each other. */
export function groupMarks(marks: readonly PacketMark[], cell = 14): PacketMark[] {
  const groups = new Map<string, PacketMark>();
  for (const m of marks) {
    const key = `${Math.round(m.x / cell)}:${Math.round(m.y / cell)}:${m.status ?? 0}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { ...m });
    else group.count += m.count;
  }
  return [...groups.values()];
}

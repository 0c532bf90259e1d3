import type { HttpStatus } from '../../engine';
import type { Point } from './layout';

/**
 * The legs packets travel: from one anchor to another, one way (a wait at a stage is a leg from
 * the stage to itself). Every packet between the same two anchors is on the same leg, whichever
 * request it is, so the packets of a busy leg can be drawn as one stream.
 */
export class Legs {
  /** Anchor points by x, then y: numbers, not strings, as every new packet's path asks. */
  private readonly points = new Map<number, Map<number, number>>();
  private pointCount = 0;
  private readonly ids = new Map<number, number>();
  /** The unit vector of each leg's direction, in flow coordinates (0, 0 for a wait). */
  readonly dirX: number[] = [];
  readonly dirY: number[] = [];

  private pointOf({ x, y }: Point): number {
    let byY = this.points.get(x);
    if (byY === undefined) this.points.set(x, (byY = new Map()));
    let point = byY.get(y);
    if (point === undefined) byY.set(y, (point = this.pointCount++));
    return point;
  }

  idOf(from: Point, to: Point): number {
    // Anchors are few (one per client, stage, service and instance): 2^20 is plenty.
    const name = this.pointOf(from) * 1_048_576 + this.pointOf(to);
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.dirX.length;
      this.ids.set(name, id);
      const length = Math.hypot(to.x - from.x, to.y - from.y);
      this.dirX.push(length === 0 ? 0 : (to.x - from.x) / length);
      this.dirY.push(length === 0 ? 0 : (to.y - from.y) / length);
    }
    return id;
  }
}

/**
 * A leg with more packets of one outcome than this draws them as a stream: a band from the
 * packet furthest behind to the one furthest ahead, with one mark and its count at the head. Up
 * to this many are drawn one by one, as a learner sending a few requests expects to see them.
 */
export const MOST_SINGLE_PACKETS = 4;

/** Packets of one outcome on one leg closer than this (flow units) are one mark with a count. */
export const BUNCH_GAP = 16;

/**
 * One thing to draw, in flow coordinates: a packet, packets bunched at one spot (a count), or a
 * stream of packets along one leg (a band from its tail to its head, and a count).
 */
export interface PacketMark {
  /** The head: the packet furthest along its leg. */
  x: number;
  y: number;
  /** The tail: the packet furthest behind; the head again for a single packet or a bunch. */
  tailX: number;
  tailY: number;
  /** The leg's direction (a unit vector; 0, 0 while waiting at a stage). */
  dirX: number;
  dirY: number;
  /** null until the gateway has decided. */
  status: HttpStatus | null;
  /** Answered from the cache at the gateway (shown as "Hit"). */
  cacheHit: boolean;
  count: number;
  /**
   * The decided requests it stands for (RequestTrace ids), when asked for (packetHitTargets);
   * requests still on their way to the gateway have no trace yet.
   */
  traceIds: number[];
}

/** The packets of one outcome on one leg in one frame. */
interface Group {
  leg: number;
  status: HttpStatus | null;
  cacheHit: boolean;
  count: number;
  headF: number;
  headX: number;
  headY: number;
  tailF: number;
  tailX: number;
  tailY: number;
  /** The first MOST_SINGLE_PACKETS + 1 packets, each as f, x, y, trace id (-1 for none). */
  few: number[];
  /** Every trace id, when asked for. */
  ids: number[];
}

/** Collects a frame's packets by leg and outcome; a number key, as this runs for every packet. */
export class Groups {
  private readonly byKey = new Map<number, Group>();

  constructor(private readonly withIds: boolean) {}

  add(
    leg: number,
    f: number,
    x: number,
    y: number,
    status: HttpStatus | null,
    cacheHit: boolean,
    id: number,
  ): void {
    const key = (leg * 1000 + (status ?? 0)) * 2 + (cacheHit ? 1 : 0);
    let group = this.byKey.get(key);
    if (group === undefined) {
      group = {
        leg,
        status,
        cacheHit,
        count: 0,
        headF: f,
        headX: x,
        headY: y,
        tailF: f,
        tailX: x,
        tailY: y,
        few: [],
        ids: [],
      };
      this.byKey.set(key, group);
    }
    group.count++;
    if (f > group.headF) {
      group.headF = f;
      group.headX = x;
      group.headY = y;
    }
    if (f < group.tailF) {
      group.tailF = f;
      group.tailX = x;
      group.tailY = y;
    }
    if (group.count <= MOST_SINGLE_PACKETS + 1) group.few.push(f, x, y, id);
    if (this.withIds && id >= 0) group.ids.push(id);
  }

  marks(legs: Legs): PacketMark[] {
    const marks: PacketMark[] = [];
    for (const group of this.byKey.values()) {
      const dirX = legs.dirX[group.leg] ?? 0;
      const dirY = legs.dirY[group.leg] ?? 0;
      const mark = (x: number, y: number, tailX: number, tailY: number, count: number) => ({
        x,
        y,
        tailX,
        tailY,
        dirX,
        dirY,
        status: group.status,
        cacheHit: group.cacheHit,
        count,
        traceIds: [] as number[],
      });
      if (group.count > MOST_SINGLE_PACKETS) {
        const stream = mark(group.headX, group.headY, group.tailX, group.tailY, group.count);
        stream.traceIds = group.ids;
        marks.push(stream);
        continue;
      }
      // A few packets: one mark each, front first, a packet within BUNCH_GAP of the one ahead
      // of it joining that one's mark.
      const order = Array.from({ length: group.count }, (_, i) => i * 4).sort(
        (a, b) => (group.few[b] as number) - (group.few[a] as number),
      );
      let current: PacketMark | null = null;
      let lastX = 0;
      let lastY = 0;
      for (const at of order) {
        const x = group.few[at + 1] as number;
        const y = group.few[at + 2] as number;
        const id = group.few[at + 3] as number;
        if (current === null || Math.hypot(x - lastX, y - lastY) >= BUNCH_GAP) {
          current = mark(x, y, x, y, 0);
          marks.push(current);
        }
        current.count++;
        if (this.withIds && id >= 0) current.traceIds.push(id);
        lastX = x;
        lastY = y;
      }
    }
    return marks;
  }
}

/**
 * A packet mark as drawn in one frame, in the canvas's CSS pixels: where it is, its radius, and the
 * requests it stands for (a mark merges the packets of one status that sit close together).
 */
export interface PacketHitTarget {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly traceIds: readonly number[];
}

/** The request a click on a mark opens: its newest, and how many the mark stood for. */
export interface PacketPick {
  readonly id: number;
  readonly among: number;
}

/**
 * The mark under `point` (the same pixels), or null. `slop` widens every mark (a finger is
 * wider than a dot); where marks overlap the nearest centre wins, and on a tie the one drawn
 * last (on top). Marks that stand for no decided request (still on their way to the gateway)
 * are not targets: nothing has decided them yet.
 */
export function packetAt(
  targets: readonly PacketHitTarget[],
  point: { readonly x: number; readonly y: number },
  slop = 0,
): PacketHitTarget | null {
  let best: PacketHitTarget | null = null;
  let bestDistance = Infinity;
  for (const target of targets) {
    if (target.traceIds.length === 0) continue;
    const distance = Math.hypot(target.x - point.x, target.y - point.y);
    if (distance <= target.r + slop && distance <= bestDistance) {
      best = target;
      bestDistance = distance;
    }
  }
  return best;
}

/** The newest request of a mark (ids grow in arrival order) and the mark's size. */
export function pickOf(target: PacketHitTarget): PacketPick | null {
  if (target.traceIds.length === 0) return null;
  let newest = -Infinity;
  for (const id of target.traceIds) if (id > newest) newest = id;
  return { id: newest, among: target.traceIds.length };
}

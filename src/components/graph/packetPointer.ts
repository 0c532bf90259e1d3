import { packetAt, pickOf, type PacketHitTarget, type PacketPick } from './packetHitTest';

/** A finger or a quick click lands near a moving dot, not on it: this much more, in CSS px. */
const SLOP_PX = 8;

/** How often the hover cursor checks for a packet under the pointer. */
const HOVER_EVERY_MS = 120;

export interface PacketPointerOptions {
  /** The marks of the frame on screen, in the canvas's CSS pixels from its top-left corner. */
  readonly targets: () => readonly PacketHitTarget[];
  readonly onPick: (pick: PacketPick) => void;
}

/**
 * Clicks on packets, for a canvas that lets the pointer through to the nodes below: the graph box
 * around it listens first (capture), takes a click that lands on a packet and lets any other go
 * on to the node under it. Over a packet the pointer shows it can be clicked. Returns the undo.
 */
export function followPacketPointer(
  canvas: HTMLCanvasElement,
  options: PacketPointerOptions,
): () => void {
  const box = canvas.parentElement;
  if (box === null) return () => undefined;
  const hitAt = (event: MouseEvent): PacketHitTarget | null => {
    const rect = canvas.getBoundingClientRect();
    const point = { x: event.clientX - rect.left, y: event.clientY - rect.top };
    return packetAt(options.targets(), point, SLOP_PX);
  };
  const onClick = (event: MouseEvent) => {
    const target = hitAt(event);
    const pick = target === null ? null : pickOf(target);
    if (pick === null) return;
    // The packet was clicked, not the node drawn under it.
    event.stopPropagation();
    event.preventDefault();
    options.onPick(pick);
  };
  // A few hit tests a second while the pointer moves, each in a frame of its own.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last: MouseEvent | null = null;
  const onMove = (event: PointerEvent) => {
    last = event;
    timer ??= setTimeout(() => {
      timer = null;
      if (last !== null) box.classList.toggle('is-over-packet', hitAt(last) !== null);
    }, HOVER_EVERY_MS);
  };
  const onLeave = () => {
    last = null;
    box.classList.remove('is-over-packet');
  };
  box.addEventListener('click', onClick, true);
  box.addEventListener('pointermove', onMove, { passive: true });
  box.addEventListener('pointerleave', onLeave);
  return () => {
    if (timer !== null) clearTimeout(timer);
    box.removeEventListener('click', onClick, true);
    box.removeEventListener('pointermove', onMove);
    box.removeEventListener('pointerleave', onLeave);
    box.classList.remove('is-over-packet');
  };
}

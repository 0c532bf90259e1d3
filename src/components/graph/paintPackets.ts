import type { HttpStatus } from '../../engine';
import { BoundedMap } from '../../engine/boundedMap';
import type { PlacedMark } from './drawPackets';

const STATUS_VARS = {
  200: '--ok',
  401: '--unauthorized',
  404: '--not-found',
  429: '--limited',
} as const;

export type Colours = Record<HttpStatus | 'pending' | 'failed', string>;

/** The status colours of the page's theme, read once from the canvas's styles. */
export function readColours(element: Element): Colours {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    200: read(STATUS_VARS[200], '#007a5a'),
    401: read(STATUS_VARS[401], '#b35900'),
    404: read(STATUS_VARS[404], '#6a3d9a'),
    429: read(STATUS_VARS[429], '#c0392b'),
    failed: read('--failed', '#5b2333'),
    pending: read('--accent', '#1f5fae'),
  };
}

/** Status shapes, so colour is never the only signal: ● 200, ■ 401, ◆ 404, ▲ 429, ✖ 5xx. */
function shape(
  ctx: CanvasRenderingContext2D,
  status: HttpStatus | null,
  x: number,
  y: number,
  r: number,
) {
  ctx.beginPath();
  if (status === 401) ctx.rect(x - r, y - r, 2 * r, 2 * r);
  else if (status === 404) {
    ctx.moveTo(x, y - r * 1.3);
    ctx.lineTo(x + r * 1.3, y);
    ctx.lineTo(x, y + r * 1.3);
    ctx.lineTo(x - r * 1.3, y);
    ctx.closePath();
  } else if (status === 429) {
    ctx.moveTo(x, y - r * 1.3);
    ctx.lineTo(x + r * 1.2, y + r);
    ctx.lineTo(x - r * 1.2, y + r);
    ctx.closePath();
  } else if (status !== null && status >= 500) {
    // A cross: the gateway could not get an answer from the service.
    const a = r * 0.45;
    const b = r * 1.2;
    ctx.moveTo(x - b, y - b + a);
    ctx.lineTo(x - b + a, y - b);
    ctx.lineTo(x, y - a);
    ctx.lineTo(x + b - a, y - b);
    ctx.lineTo(x + b, y - b + a);
    ctx.lineTo(x + a, y);
    ctx.lineTo(x + b, y + b - a);
    ctx.lineTo(x + b - a, y + b);
    ctx.lineTo(x, y + a);
    ctx.lineTo(x - b + a, y + b);
    ctx.lineTo(x - b, y + b - a);
    ctx.lineTo(x - a, y);
    ctx.closePath();
  } else ctx.arc(x, y, r, 0, Math.PI * 2);
}

function colourOf(colours: Colours, status: HttpStatus | null): string {
  if (status === null) return colours.pending;
  return colours[status] ?? (status >= 500 ? colours.failed : colours.pending);
}

/** The labels' font for marks of radius `r`. */
function labelFont(r: number): string {
  return `600 ${Math.max(10, (11 * r) / 7)}px system-ui, sans-serif`;
}

/**
 * Uses the labels' font once while the page is idle: the first use of a font on a canvas looks
 * the family up and rasterises its glyphs (tens of ms on a slow machine), which would otherwise
 * land in the first frame of the first burst.
 */
export function warmLabelFont(ctx: CanvasRenderingContext2D): void {
  ctx.font = labelFont(7);
  // Drawn and wiped in one task, so never seen: the glyphs are rasterised now, not mid-burst.
  ctx.fillText('0123456789 ×Hit', 0, 20);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
}

/** Labels' widths in the font they were measured in: a burst's frames draw the same few labels. */
// Counts change from frame to frame: the map starts afresh before it grows large.
const labelWidths = new BoundedMap<string, number>(500);
let labelWidthsFont = '';

/** The width of `label` in the context's font, measured once per font and label. */
function labelWidth(ctx: CanvasRenderingContext2D, label: string): number {
  if (ctx.font !== labelWidthsFont) {
    labelWidths.clear();
    labelWidthsFont = ctx.font;
  }
  let width = labelWidths.get(label);
  if (width === undefined) {
    width = ctx.measureText(label).width;
    labelWidths.set(label, width);
  }
  return width;
}

/** "429 ×37", "200 Hit", "×6": what a mark says beside it. */
export function markLabel(mark: PlacedMark): string {
  return `${mark.status ?? ''}${mark.cacheHit ? ' Hit' : ''}${mark.count > 1 ? ` ×${mark.count}` : ''}`;
}

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Where a label of width `w` goes beside its mark: to the right unless that covers another mark
 * or label already placed, then left, above or below; to the right when every side is taken.
 */
function labelSpot(mark: PlacedMark, w: number, taken: readonly (Rect | null)[]): Rect {
  const { x, y, r } = mark;
  const h = 2 * r + 4;
  const spots: Rect[] = [
    { x: x + r + 2, y: y - r - 2, w, h },
    { x: x - r - 2 - w, y: y - r - 2, w, h },
    { x: x - w / 2, y: y - 2 * r - 4 - h, w, h },
    { x: x - w / 2, y: y + 2 * r + 2, w, h },
  ];
  return (
    spots.find((spot) => !taken.some((t) => t !== null && overlaps(spot, t))) ?? (spots[0] as Rect)
  );
}

/**
 * Paints the marks: every stream's band first (under every head), then each head in its status's
 * shape and colour, then the labels, placed so that they do not cover each other or a head.
 */
export function paintMarks(
  ctx: CanvasRenderingContext2D,
  marks: readonly PlacedMark[],
  colours: Colours,
): void {
  if (marks.length === 0) return;
  ctx.lineCap = 'round';
  ctx.globalAlpha = 0.35;
  for (const mark of marks) {
    if (Math.hypot(mark.x - mark.tailX, mark.y - mark.tailY) < mark.r) continue;
    ctx.strokeStyle = colourOf(colours, mark.status);
    ctx.lineWidth = mark.r * 1.4;
    ctx.beginPath();
    ctx.moveTo(mark.tailX, mark.tailY);
    ctx.lineTo(mark.x, mark.y);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  const heads = marks.filter((mark) => !mark.joined);
  const taken: (Rect | null)[] = [];
  for (const mark of heads) {
    const { x, y, r } = mark;
    ctx.fillStyle = colourOf(colours, mark.status);
    shape(ctx, mark.status, x, y, r);
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
    taken.push({ x: x - 1.3 * r, y: y - 1.3 * r, w: 2.6 * r, h: 2.6 * r });
  }
  ctx.textBaseline = 'middle';
  // Every mark has the same radius: the font is set once (setting it is not free).
  ctx.font = labelFont(marks[0]?.r ?? 0);
  heads.forEach((mark, i) => {
    const label = markLabel(mark);
    if (label === '') return;
    // Its own head is beside its label, not under it.
    const own = taken[i] ?? null;
    taken[i] = null;
    const spot = labelSpot(mark, labelWidth(ctx, label) + 8, taken);
    taken[i] = own;
    taken.push(spot);
    ctx.fillStyle = 'rgba(255,255,255,0.92)';
    ctx.fillRect(spot.x, spot.y, spot.w, spot.h);
    ctx.fillStyle = colourOf(colours, mark.status);
    ctx.fillText(label, spot.x + 4, spot.y + spot.h / 2);
  });
}

import type { LabSample } from '../../engine/lab';
import type { LabRunView, RequestColumns } from './labProtocol';
import { formatNumber } from '../../format/formatNumber';

/** A linear map from the trace's time axis to pixels, and back. */
export interface TimeScale {
  readonly startMs: number;
  readonly endMs: number;
  readonly left: number;
  readonly right: number;
  x(atMs: number): number;
  atMs(x: number): number;
}

export function timeScale(startMs: number, endMs: number, left: number, right: number): TimeScale {
  // A trace of one moment still gets an axis: a second around it.
  const spanMs = endMs > startMs ? endMs - startMs : 1000;
  const from = endMs > startMs ? startMs : startMs - spanMs / 2;
  const width = right - left;
  return {
    startMs: from,
    endMs: from + spanMs,
    left,
    right,
    x: (atMs) => left + ((atMs - from) / spanMs) * width,
    atMs: (x) => from + ((Math.min(right, Math.max(left, x)) - left) / width) * spanMs,
  };
}

/**
 * The marks of one run as two SVG path strings: a dot per allowed request, a cross per refused one
 * (shape, not colour alone, tells them apart). Marks that land on the same pixel are drawn once, so
 * a 10,000-request trace stays a few thousand path commands.
 */
export function markPaths(
  requests: RequestColumns,
  scale: TimeScale,
  midY: number,
  size: number,
): { allowed: string; refused: string } {
  const allowed: string[] = [];
  const refused: string[] = [];
  let lastAllowedX = Number.NaN;
  let lastRefusedX = Number.NaN;
  const r = size / 2;
  for (let i = 0; i < requests.count; i++) {
    const x = Math.round(scale.x(requests.atMs[i] as number) * 2) / 2;
    if (requests.allowed[i] === 1) {
      if (x === lastAllowedX) continue;
      lastAllowedX = x;
      // A circle as two arcs.
      allowed.push(`M${x - r} ${midY}a${r} ${r} 0 1 0 ${size} 0a${r} ${r} 0 1 0 ${-size} 0`);
    } else {
      if (x === lastRefusedX) continue;
      lastRefusedX = x;
      refused.push(`M${x - r} ${midY - r}l${size} ${size}M${x - r} ${midY + r}l${size} ${-size}`);
    }
  }
  return { allowed: allowed.join(''), refused: refused.join('') };
}

/** The gauge as a step line over its samples: level 0 at `bottomY`, `max` at `bottomY - height`. */
export function levelPath(
  samples: readonly LabSample[],
  max: number,
  scale: TimeScale,
  bottomY: number,
  height: number,
): string {
  if (samples.length === 0 || max <= 0) return '';
  const y = (level: number) =>
    Math.round((bottomY - (Math.min(level, max) / max) * height) * 10) / 10;
  const parts: string[] = [];
  samples.forEach((sample, i) => {
    const x = Math.round(scale.x(sample.atMs) * 10) / 10;
    parts.push(i === 0 ? `M${x} ${y(sample.level)}` : `H${x}V${y(sample.level)}`);
  });
  return parts.join('');
}

/** How many of the first `length` moments (non-decreasing, read by `at`) are at or before `atMs`. */
export function countAtOrBefore(
  length: number,
  at: (index: number) => number,
  atMs: number,
): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (at(mid) <= atMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** One run's state at a moment of the shared axis, for the cursor's readout and the table. */
export interface RunStateAt {
  readonly allowedSoFar: number;
  readonly refusedSoFar: number;
  /** The gauge at the latest sample at or before the moment (the first sample before any). */
  readonly level: number;
  readonly markMs: number | null;
}

export function runStateAt(run: LabRunView, atMs: number): RunStateAt {
  const { requests, samples } = run;
  const decided = countAtOrBefore(requests.count, (i) => requests.atMs[i] as number, atMs);
  let allowedSoFar = 0;
  // Counting is linear, but the table and readout ask for six runs at one moment at a time.
  for (let i = 0; i < decided; i++) allowedSoFar += requests.allowed[i] as number;
  const sampleIndex = Math.max(
    0,
    countAtOrBefore(samples.length, (i) => (samples[i] as LabSample).atMs, atMs) - 1,
  );
  const sample = samples[sampleIndex];
  return {
    allowedSoFar,
    refusedSoFar: decided - allowedSoFar,
    level: sample?.level ?? 0,
    markMs: sample?.markMs ?? null,
  };
}

/** One request of a run, for a table row. */
export interface RequestRow {
  readonly atMs: number;
  readonly allowed: boolean;
  readonly attempt: number;
  readonly waitMs: number;
  readonly level: number;
}

/** The first `limit` requests of a run as rows. */
export function requestRows(requests: RequestColumns, limit: number): RequestRow[] {
  return Array.from({ length: Math.min(limit, requests.count) }, (_, i) => ({
    atMs: requests.atMs[i] as number,
    allowed: requests.allowed[i] === 1,
    attempt: requests.attempt[i] as number,
    waitMs: requests.waitMs[i] as number,
    level: requests.level[i] as number,
  }));
}

/** "2.5", "3": a level as the readout shows it, whole when the gauge only counts whole requests. */
export function formatLevel(level: number, exact: boolean): string {
  return exact ? String(Number(level.toFixed(2))) : String(Math.round(level));
}

/** "1,234,000": a rate for the figures table, to three significant digits. */
export function formatRate(perSecond: number | null): string {
  if (perSecond === null) return '—';
  return formatNumber(Number(perSecond.toPrecision(3)));
}

/** Seconds on the axis as the labels show them: "0 s", "59.5 s", "200 s", "12 min". */
export function formatAxisTime(ms: number): string {
  const seconds = ms / 1000;
  if (Math.abs(seconds) >= 600) return `${Number((seconds / 60).toFixed(1))} min`;
  return `${Number(seconds.toFixed(2))} s`;
}

/** About `count` evenly spaced round tick moments across the axis. */
export function axisTicks(startMs: number, endMs: number, count: number): number[] {
  const spanMs = endMs - startMs;
  if (spanMs <= 0 || count < 1) return [startMs];
  const rough = spanMs / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(startMs / step) * step; t <= endMs + 1e-9; t += step) ticks.push(t);
  return ticks;
}

/** A number typed in a field: its value, or the sentence to show beside the field. */
export type Parsed = { readonly value: number } | { readonly problem: string };

export function parseNumberIn(
  text: string,
  range: { readonly min: number; readonly max: number },
  what: string,
  wholeOnly: boolean,
): Parsed {
  const trimmed = text.trim();
  const value = Number(trimmed);
  const kind = wholeOnly ? 'a whole number' : 'a number';
  if (trimmed === '' || !Number.isFinite(value) || (wholeOnly && !Number.isInteger(value))) {
    return { problem: `${what}: enter ${kind} from ${range.min} to ${range.max}.` };
  }
  if (value < range.min || value > range.max) {
    return { problem: `${what}: ${value} is outside ${range.min} to ${range.max}.` };
  }
  return { value };
}

/** About how wide a line of the readout's 11 px text is. */
const READOUT_CHAR_PX = 6;

/**
 * Where the cursor's readout goes: after the cursor if it fits before the right edge, else before
 * it, else from the left edge (a narrow screen), so the text is never cut off.
 */
export function readoutPlacement(
  cursorX: number,
  textLength: number,
  left: number,
  right: number,
): { x: number; anchor: 'start' | 'end' } {
  const widthPx = textLength * READOUT_CHAR_PX;
  if (cursorX + 6 + widthPx <= right) return { x: cursorX + 6, anchor: 'start' };
  if (cursorX - 6 - widthPx >= left) return { x: cursorX - 6, anchor: 'end' };
  return { x: left, anchor: 'start' };
}

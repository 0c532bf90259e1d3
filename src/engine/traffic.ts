import { SettingError, requireNonNegative, requirePositive } from './errors';
import type { Random } from './random';

/** Who sends a request and where to. `apiKey: null` sends no key; no `method` sends a GET. */
export interface RequestTemplate {
  readonly clientId: string;
  readonly apiKey: string | null;
  readonly path: string;
  readonly method?: string | undefined;
}

/** One request leaving a client at `sentAtMs`. */
export interface TrafficRequest extends RequestTemplate {
  readonly sentAtMs: number;
}

/** The most requests one generator call makes: enough for any lesson, bounded for the page. */
export const MAX_TRAFFIC = 100_000;

function requireCount(count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_TRAFFIC) {
    throw new SettingError(
      'count',
      `must be a whole number from 1 to ${MAX_TRAFFIC}, got ${count}`,
    );
  }
}

/** `count` requests sent at the same instant. */
export function burst(template: RequestTemplate, count: number, atMs: number): TrafficRequest[] {
  requireCount(count);
  requireNonNegative('atMs', atMs);
  return Array.from({ length: count }, () => ({ ...template, sentAtMs: atMs }));
}

/** `count` requests sent evenly at `perSecond`, the first at `startMs`. */
export function spread(
  template: RequestTemplate,
  count: number,
  startMs: number,
  perSecond: number,
): TrafficRequest[] {
  requireCount(count);
  requireNonNegative('startMs', startMs);
  requirePositive('perSecond', perSecond);
  const gapMs = 1000 / perSecond;
  return Array.from({ length: count }, (_, i) => ({ ...template, sentAtMs: startMs + i * gapMs }));
}

/** Requests arriving as a Poisson process at `perSecond` on average during `durationMs`. */
export function poisson(
  template: RequestTemplate,
  random: Random,
  startMs: number,
  durationMs: number,
  perSecond: number,
): TrafficRequest[] {
  requireNonNegative('startMs', startMs);
  requirePositive('durationMs', durationMs);
  requirePositive('perSecond', perSecond);
  const out: TrafficRequest[] = [];
  let t = startMs;
  for (;;) {
    // Exponential gaps; 1 - next() is in (0, 1], so the log is finite.
    t += (-Math.log(1 - random.next()) / perSecond) * 1000;
    if (t >= startMs + durationMs || out.length >= MAX_TRAFFIC) return out;
    out.push({ ...template, sentAtMs: t });
  }
}

/** Orders requests by when they are sent (Array.prototype.sort is stable: ties keep their order). */
export const bySentAt = (a: TrafficRequest, b: TrafficRequest): number => a.sentAtMs - b.sentAtMs;

/** Several streams merged into one, in time order; equal times keep their streams' order. */
export function mix(...streams: readonly (readonly TrafficRequest[])[]): TrafficRequest[] {
  return streams.flat().sort(bySentAt);
}

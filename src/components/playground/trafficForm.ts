import { pathOnly, routePathProblem } from '../../engine';

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export const MAX_BURST = 10_000;

/** The number of requests to send: a whole number from 1 to 10,000. */
export function parseCount(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '')
    return { ok: false, message: 'Enter how many requests to send (1 to 10,000).' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `"${trimmed}" is not a number.` };
  if (!Number.isInteger(value)) return { ok: false, message: 'Send a whole number of requests.' };
  if (value < 1) return { ok: false, message: 'Send at least 1 request.' };
  if (value > MAX_BURST) return { ok: false, message: 'At most 10,000 requests at a time.' };
  return { ok: true, value };
}

/**
 * A request path: starts with "/", no spaces. A query string is allowed (the router ignores it),
 * unlike in a route's own path.
 */
export function parseRequestPath(text: string): Parsed<string> {
  const path = text.trim();
  if (path === '') return { ok: false, message: 'Enter a path such as /api/users.' };
  const bare = pathOnly(path);
  const problem = routePathProblem(bare === '' ? path : bare);
  if (problem !== null) return { ok: false, message: problem.replace('a route path', 'a path') };
  return { ok: true, value: path };
}

/** Requests per second when spread out: a number above 0, at most 1,000. */
export function parseRate(text: string): Parsed<number> {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) {
    return { ok: false, message: 'Enter requests per second, e.g. 2.' };
  }
  if (value <= 0) return { ok: false, message: 'The rate must be above 0 per second.' };
  if (value > 1000) return { ok: false, message: 'At most 1,000 per second.' };
  return { ok: true, value };
}

/** A whole number setting from a text field, from `min` to `max`, or a message. */
export function parseWhole(
  text: string,
  label: string,
  min: number,
  max: { readonly value: number; readonly unit: string } = { value: Infinity, unit: '' },
): Parsed<number> {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value))
    return { ok: false, message: `${label} must be a number.` };
  if (!Number.isInteger(value)) return { ok: false, message: `${label} must be a whole number.` };
  if (value < min) return { ok: false, message: `${label} must be at least ${min}.` };
  if (value > max.value) {
    const most = `${max.value.toLocaleString('en-US')}${max.unit}`;
    return { ok: false, message: `${label} must be at most ${most}. Nothing was changed.` };
  }
  return { ok: true, value };
}

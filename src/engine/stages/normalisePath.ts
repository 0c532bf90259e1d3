// The lesson's path normaliser. nginx's own (../nginxPath.ts, normaliseNginxPath) agrees with it on
// every path nginx accepts, up to three deliberate differences: nginx answers 400 where this one
// carries on (a `..` above the root is dropped, a bad `%` escape kept as typed); a decoded `%`, `?`
// or `#` is written back encoded here so the result can be normalised again and cut at its query
// (nginx keeps the raw character in `$uri`); and decoded bytes that form UTF-8 become one
// character here (nginx compares bytes). The nginx profile normalises with normaliseNginxPath.
import { pathOnly } from '../routing';
import { BoundedMap } from '../boundedMap';

function decodePercent(path: string): string {
  if (!path.includes('%')) return path;
  // Byte by byte, as nginx does: a `%` not followed by two hex digits stays as it is.
  return path.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      // Not UTF-8: decode each byte to the character with that code.
      return run.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      );
    }
  });
}

/** Ends a `.` or `..` segment: the end of the path, `/`, `?` or `#`. */
function endsSegment(path: string, at: number): boolean {
  if (at === path.length) return true;
  const code = path.charCodeAt(at);
  return code === 47 /* / */ || code === 63 /* ? */ || code === 35; /* # */
}

/**
 * Whether a path has a `%`, a `//`, or a `.`/`..` segment anywhere (in the query too: then the
 * slow path decides). One scan rather than a regular expression: every request with the normalise
 * stage on asks this, and the expression cost more than the rest of the stage (the tests hold the
 * scan to the expression).
 */
export function needsWork(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code === 37 /* % */) return true;
    if (code !== 47 /* / */) continue;
    const next = path.charCodeAt(i + 1);
    if (next === 47 /* / */) return true;
    if (next !== 46 /* . */) continue;
    if (endsSegment(path, i + 2)) return true;
    if (path.charCodeAt(i + 2) === 46 && endsSegment(path, i + 3)) return true;
  }
  return false;
}

const ESCAPES: Readonly<Record<string, string>> = { '%': '%25', '?': '%3F', '#': '%23' };

/** Paths that needed work, and what `normaliseWork` made of them. */
const worked = new BoundedMap<string, string>();

/**
 * A request path as nginx matches it: the query string set aside, `%XX` decoded, `//` merged, and
 * `.` and `..` segments resolved (`..` never climbs above `/`). The query string is kept as sent.
 * Idempotent: normalising a normalised path changes nothing, because a `%`, `?` or `#` that
 * decoding produced is written back encoded (`%2541` → `%2541`, never `A` on a second pass).
 */
export function normalisePath(path: string): string {
  // Most paths need nothing: no escape, no empty segment, no dot segment.
  if (!needsWork(path)) return path;
  // The rest are worked out once each: the same few come back request after request.
  let normal = worked.get(path);
  if (normal === undefined) {
    normal = normaliseWork(path);
    worked.set(path, normal);
  }
  return normal;
}

/** `normalisePath` for a path that needs work, worked out afresh (`normalisePath` remembers it). */
export function normaliseWork(path: string): string {
  const raw = pathOnly(path);
  const rest = path.slice(raw.length);
  // Without a `%` there is nothing to decode, so nothing decoded to write back encoded either.
  const decoded = raw.includes('%')
    ? decodePercent(raw).replace(/[%?#]/g, (c) => ESCAPES[c] ?? c)
    : raw;
  return resolveSegments(decoded) + rest;
}

/**
 * `/` and the segments of `path` joined by `/`, with empty and `.` segments dropped and each `..`
 * dropping the segment before it (never climbing above `/`); then a `/` when `path` ends in one,
 * or in a `.` or `..` segment, and a segment is left. The same as splitting on `/` and joining
 * what is kept, in one walk along the string that keeps each kept segment's bounds.
 */
export function resolveSegments(path: string): string {
  /** Start and end of each kept segment, side by side; `kept` pairs are live. */
  const bounds: number[] = [];
  let kept = 0;
  let start = 0;
  let endsInDirectory = false;
  for (let at = 0; at <= path.length; at++) {
    if (at < path.length && path.charCodeAt(at) !== 47 /* / */) continue;
    const length = at - start;
    // An empty, `.` or `..` segment.
    const dots =
      length === 0 ||
      (length <= 2 &&
        path.charCodeAt(start) === 46 /* . */ &&
        (length === 1 || path.charCodeAt(start + 1) === 46));
    if (dots && length === 2) kept = Math.max(0, kept - 1);
    else if (!dots) {
      bounds[2 * kept] = start;
      bounds[2 * kept + 1] = at;
      kept++;
    }
    // An empty, `.` or `..` last segment: the path names a directory. (With no `/` before it,
    // it is the only segment, and nothing is kept.)
    if (at === path.length) endsInDirectory = dots;
    start = at + 1;
  }
  if (kept === 0) return '/';
  let out = '';
  for (let k = 0; k < kept; k++) out += `/${path.slice(bounds[2 * k], bounds[2 * k + 1])}`;
  return endsInDirectory ? `${out}/` : out;
}

/**
 * nginx's URI normalisation (ngx_http_parse_complex_uri, unchanged from 1.22 to today), as a pure
 * function: what nginx matches `location`s against. The path is percent-decoded, `//` merged
 * (`merge_slashes on`, the default), `.` and `..` segments resolved; a `..` above the root, a bad
 * `%` escape or `%00` make nginx answer 400. A decoded `%2F` acts as a `/` and a decoded `%2E` as a
 * `.`, but a decoded `%`, `#` or `?` stays a plain character. The query string is split off and
 * left as sent. Bytes above 0x7F come back one character per byte (Latin-1), as nginx compares
 * bytes; Windows-only `\` handling is not modelled.
 */
export type NginxUri =
  | { readonly ok: true; readonly path: string; readonly args: string | null }
  | { readonly ok: false; readonly status: 400; readonly reason: string };

type State = 'usual' | 'slash' | 'dot' | 'dotDot' | 'quoted' | 'quotedSecond';

const SLASH = 0x2f;
const DOT = 0x2e;
const PERCENT = 0x25;
const QUESTION = 0x3f;
const HASH = 0x23;

function hexValue(byte: number): number | null {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return null;
}

function invalid(reason: string): NginxUri {
  return { ok: false, status: 400, reason };
}

/** nginx's normalised path and query for a request target such as `/api/./users//7?x=1`. */
export function normaliseNginxPath(
  target: string,
  options: { readonly mergeSlashes?: boolean } = {},
): NginxUri {
  const mergeSlashes = options.mergeSlashes ?? true;
  const input = new TextEncoder().encode(target);
  if (input[0] !== SLASH) return invalid('the path must start with /');
  const out: number[] = [];
  let state: State = 'usual';
  let quotedState: State = 'usual';
  let decodedHigh = 0;
  let argsFrom = -1;
  let stopped = false; // at a `?` or `#`, which settles the last segment itself
  let i = 0;
  let byte = input[i++] ?? 0;

  // "/a/b/.." → "/a/": drop the `/..` just written and the segment before it.
  const climb = (): boolean => {
    let at = out.length - 4;
    for (;;) {
      if (at < 0) return false;
      if (out[at] === SLASH) break;
      at--;
    }
    out.length = at + 1;
    return true;
  };

  scan: while (i <= input.length) {
    let next = true; // false: look at the same (decoded) byte again in the state we return to
    switch (state) {
      case 'usual':
      case 'slash':
      case 'dot':
      case 'dotDot':
        if (byte === PERCENT) {
          quotedState = state;
          state = 'quoted';
        } else if (byte === QUESTION || byte === HASH) {
          if (state === 'dot') out.pop();
          if (state === 'dotDot' && !climb()) return invalid('".." climbs above the root');
          if (byte === QUESTION) argsFrom = i;
          stopped = true;
          break scan;
        } else if (byte === SLASH) {
          if (state === 'usual') {
            out.push(byte);
            state = 'slash';
          } else if (state === 'slash') {
            if (!mergeSlashes) out.push(byte);
          } else if (state === 'dot') {
            out.pop(); // "/./" → "/"
            state = 'slash';
          } else {
            if (!climb()) return invalid('".." climbs above the root');
            state = 'slash';
          }
        } else if (byte === DOT && (state === 'slash' || state === 'dot')) {
          out.push(byte);
          state = state === 'slash' ? 'dot' : 'dotDot';
        } else {
          out.push(byte);
          state = 'usual';
        }
        break;
      case 'quoted': {
        const high = hexValue(byte);
        if (high === null) return invalid('a % is not followed by two hex digits');
        decodedHigh = high;
        state = 'quotedSecond';
        break;
      }
      case 'quotedSecond': {
        const low = hexValue(byte);
        if (low === null) return invalid('a % is not followed by two hex digits');
        const decoded = decodedHigh * 16 + low;
        if (decoded === 0) return invalid('%00 is not allowed');
        if (decoded === PERCENT || decoded === HASH || decoded === QUESTION) {
          out.push(decoded);
          state = 'usual';
        } else {
          byte = decoded;
          state = quotedState;
          next = false;
        }
        break;
      }
    }
    if (next) byte = input[i++] ?? 0;
  }

  if (!stopped) {
    if (state === 'quoted' || state === 'quotedSecond') {
      return invalid('the path ends inside a % escape');
    }
    if (state === 'dot') out.pop();
    if (state === 'dotDot' && !climb()) return invalid('".." climbs above the root');
  }
  const path = String.fromCharCode(...out);
  if (argsFrom < 0) return { ok: true, path, args: null };
  const rest = target.slice(new TextDecoder().decode(input.subarray(0, argsFrom)).length);
  const hashAt = rest.indexOf('#');
  return { ok: true, path, args: hashAt < 0 ? rest : rest.slice(0, hashAt) };
}

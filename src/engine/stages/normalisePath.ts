// The lesson's path normaliser. nginx's own (../nginxPath.ts, normaliseNginxPath) agrees with it on
// every path nginx accepts, up to three deliberate differences: nginx answers 400 where this one
// carries on (a `..` above the root is dropped, a bad `%` escape kept as typed); a decoded `%`, `?`
// or `#` is written back encoded here so the result can be normalised again and cut at its query
// (nginx keeps the raw character in `$uri`); and decoded bytes that form UTF-8 become one
// character here (nginx compares bytes). The nginx profile normalises with normaliseNginxPath.
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

/** A `%`, a `//`, or a `.`/`..` segment anywhere (in the query too: then the slow path decides). */
const NEEDS_WORK = /%|\/\/|\/\.\.?(?:[/?#]|$)/;

const ESCAPES: Readonly<Record<string, string>> = { '%': '%25', '?': '%3F', '#': '%23' };

/**
 * A request path as nginx matches it: the query string set aside, `%XX` decoded, `//` merged, and
 * `.` and `..` segments resolved (`..` never climbs above `/`). The query string is kept as sent.
 * Idempotent: normalising a normalised path changes nothing, because a `%`, `?` or `#` that
 * decoding produced is written back encoded (`%2541` → `%2541`, never `A` on a second pass).
 */
export function normalisePath(path: string): string {
  // Most paths need nothing: no escape, no empty segment, no dot segment.
  if (!NEEDS_WORK.test(path)) return path;
  const cut = path.search(/[?#]/);
  const raw = cut === -1 ? path : path.slice(0, cut);
  const rest = cut === -1 ? '' : path.slice(cut);
  // Without a `%` there is nothing to decode, so nothing decoded to write back encoded either.
  const decoded = raw.includes('%')
    ? decodePercent(raw).replace(/[%?#]/g, (c) => ESCAPES[c] ?? c)
    : raw;
  const out: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const trailing = /\/\.{0,2}$/.test(decoded) && out.length > 0 ? '/' : '';
  return `/${out.join('/')}${trailing}${rest}`;
}

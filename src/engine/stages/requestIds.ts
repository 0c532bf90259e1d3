/** The prefix of the ids the gateway gives requests: `req-000042`. */
export const REQUEST_ID_PREFIX = 'req';

/** '000' to '999': ids are written three digits at a time from this table (see `idDigits`). */
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, n) =>
  String(n).padStart(3, '0'),
);

/** The digits before the last three: zero-padded to three below a million, else as they are. */
function leadingDigits(thousands: number): string {
  return thousands < 1000 ? (THREE_DIGITS[thousands] as string) : String(thousands);
}

/**
 * `String(n).padStart(6, '0')` for a whole number n ≥ 0, its last three digits from THREE_DIGITS.
 * Why not String(n): converting a new number on every request fills V8's number-to-string cache,
 * and all it holds survives the next young-generation collection, which made collections several
 * times slower with the request id stage on. The leading digits change once per 1000 ids.
 */
export function idDigits(n: number): string {
  return leadingDigits(Math.floor(n / 1000)) + (THREE_DIGITS[n % 1000] as string);
}

/**
 * What `formatRequestId` wrote last: the `prefix-leading` part it reuses for the next 999 ids (one
 * string join per id), and the last id with its number, which the access log asks back about at
 * the end of the same request (see `requestIdNumber`).
 */
const last = { prefix: '', thousands: -1, head: '', id: '', n: -1 };

/** The id the gateway gives its `n`th request: `req-000042`. */
export function formatRequestId(prefix: string, n: number): string {
  const thousands = Math.floor(n / 1000);
  if (prefix !== last.prefix || thousands !== last.thousands) {
    last.prefix = prefix;
    last.thousands = thousands;
    last.head = `${prefix}-${leadingDigits(thousands)}`;
  }
  const id = last.head + (THREE_DIGITS[n % 1000] as string);
  last.id = id;
  last.n = n;
  return id;
}

/** Ids with more digits than this are never read back as numbers (they would lose precision). */
const MAX_DIGITS = 15;

/**
 * The n for which `formatRequestId(prefix, n)` is exactly `id`, or -1 when no n is (a client's
 * own id, say). Lets the access log keep a number instead of a string per line: see AccessLog.
 */
export function requestIdNumber(prefix: string, id: string): number {
  // The id just written (the usual case: the access log, at the end of the request that got it).
  if (id === last.id && prefix === last.prefix) return last.n;
  const first = prefix.length + 1;
  const digits = id.length - first;
  if (
    digits < 6 ||
    digits > MAX_DIGITS ||
    !id.startsWith(prefix) ||
    id.charCodeAt(prefix.length) !== 45 /* - */
  )
    return -1;
  // Past six digits, formatRequestId writes no leading zero.
  if (digits > 6 && id.charCodeAt(first) === 48 /* 0 */) return -1;
  let n = 0;
  for (let i = first; i < id.length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

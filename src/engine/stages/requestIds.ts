/** The prefix of the ids the gateway gives requests: `req-000042`. */
export const REQUEST_ID_PREFIX = 'req';

/** '000' to '999': ids are written three digits at a time from this table (see `idDigits`). */
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, n) =>
  String(n).padStart(3, '0'),
);

/**
 * `String(n).padStart(6, '0')` for a whole number n ≥ 0, written from THREE_DIGITS. Why not
 * String(n): converting a new number on every request fills V8's number-to-string cache, and all
 * it holds survives the next young-generation collection, which made collections several times
 * slower with the request id stage on. Numbers below 1000 (the leading digits) are always cached.
 */
export function idDigits(n: number): string {
  if (n < 1_000_000)
    return (THREE_DIGITS[Math.floor(n / 1000)] as string) + (THREE_DIGITS[n % 1000] as string);
  let digits = '';
  let rest = n;
  while (rest >= 1000) {
    digits = (THREE_DIGITS[rest % 1000] as string) + digits;
    rest = Math.floor(rest / 1000);
  }
  return String(rest) + digits;
}

/** The id the gateway gives its `n`th request: `req-000042`. */
export function formatRequestId(prefix: string, n: number): string {
  return `${prefix}-${idDigits(n)}`;
}

/** Ids with more digits than this are never read back as numbers (they would lose precision). */
const MAX_DIGITS = 15;

/**
 * The n for which `formatRequestId(prefix, n)` is exactly `id`, or -1 when no n is (a client's
 * own id, say). Lets the access log keep a number instead of a string per line: see AccessLog.
 */
export function requestIdNumber(prefix: string, id: string): number {
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

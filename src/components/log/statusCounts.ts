import type { HttpStatus, RequestTrace } from '../../engine';

export const STATUSES: readonly HttpStatus[] = [200, 401, 404, 429];

export type StatusCounts = Readonly<Record<HttpStatus, number>>;

export const STATUS_TEXT: Readonly<Record<HttpStatus, string>> = {
  200: 'OK',
  301: 'Moved Permanently',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The lesson's four statuses, then any others seen (e.g. 502, 503, 504), in order. */
export function shownStatuses(seen: Iterable<HttpStatus>): HttpStatus[] {
  const all = new Set(STATUSES);
  for (const status of seen) all.add(status);
  return [...all].sort((a, b) => a - b);
}

/** How many of `traces[from..to)` got each status. */
export function countByStatus(
  traces: readonly RequestTrace[],
  from = 0,
  to = traces.length,
): StatusCounts {
  const counts: Record<HttpStatus, number> = { 200: 0, 401: 0, 404: 0, 429: 0 };
  for (let i = from; i < to; i++) {
    const status = (traces[i] as RequestTrace).decision.status;
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

/** Counts of two sets of requests together (the summarised older ones and the window). */
export function addCounts(a: StatusCounts, b: StatusCounts): StatusCounts {
  const sum: Record<HttpStatus, number> = { ...a };
  for (const [status, n] of Object.entries(b)) sum[Number(status)] = (sum[Number(status)] ?? 0) + n;
  return sum;
}

/** A screen-reader summary such as "6 responses: 5 × 200, 1 × 429". */
export function summarise(counts: StatusCounts): string {
  const statuses = shownStatuses(Object.keys(counts).map(Number));
  const total = statuses.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  if (total === 0) return '';
  const parts = statuses.filter((s) => (counts[s] ?? 0) > 0).map((s) => `${counts[s]} × ${s}`);
  return `${total} ${total === 1 ? 'response' : 'responses'}: ${parts.join(', ')}`;
}

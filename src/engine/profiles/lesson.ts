import { matchRoute } from '../routing';
import { normalisePath } from '../stages/normalisePath';
import type { GatewayProfile } from './types';

/** Whole seconds, rounded up, never 0 for a positive wait. */
export function toRetryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * The draft's `w` is whole seconds. A window that is not (1500 ms) is rounded up, so a client
 * that spreads `q` requests over `w` seconds is never faster than the limiter allows.
 */
export function policyWindowSeconds(windowSeconds: number): number {
  return Math.max(1, Math.ceil(windowSeconds - 1e-9));
}

let lastPolicy = { quota: NaN, windowSeconds: NaN, header: '' };

/** `"default";q=5;w=60`, remembered for the last limiter: it is the same on every response. */
function policyHeader(quota: number, windowSeconds: number): string {
  if (lastPolicy.quota !== quota || lastPolicy.windowSeconds !== windowSeconds) {
    const header = `"default";q=${quota};w=${policyWindowSeconds(windowSeconds)}`;
    lastPolicy = { quota, windowSeconds, header };
  }
  return lastPolicy.header;
}

/**
 * `RateLimit` values already written, by remaining quota then seconds to reset: arrays, not a
 * Map, because reading two small indexes is cheaper than hashing a number on every response.
 */
const rateLimitValues: (string | undefined)[][] = [];
/** Remembered while both numbers are below this (arrays that sparse stay fast in V8). */
const REMEMBERED_BELOW = 1024;

/**
 * `"default";r=4;t=60`: the same few values come back request after request (r is at most the
 * quota, t at most the window in seconds), so each is built once rather than on every response.
 */
function rateLimitValue(remaining: number, resetSeconds: number): string {
  if (!remembered(remaining) || !remembered(resetSeconds))
    return `"default";r=${remaining};t=${resetSeconds}`;
  const row = (rateLimitValues[remaining] ??= []);
  return (row[resetSeconds] ??= `"default";r=${remaining};t=${resetSeconds}`);
}

/** `Retry-After` values already written, by whole seconds (each is the same on every 429). */
const retryAfterValues: (string | undefined)[] = [];

/** `String(seconds)`, built once for each small number of seconds. */
function retryAfterValue(seconds: number): string {
  if (!remembered(seconds)) return String(seconds);
  return (retryAfterValues[seconds] ??= String(seconds));
}

/** Whether `n` may index the arrays of remembered values: a whole number from 0 to below the bound. */
function remembered(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < REMEMBERED_BELOW;
}

export const MESSAGES = {
  missingKey: 'Unauthorized: no API key in the request',
  unknownKey: 'Unauthorized: API key not recognised',
  rateLimited: 'Too Many Requests',
  noRoute: 'Not Found: no route matches this path',
} as const;

/**
 * The lesson's gateway: authenticate, rate-limit by key, route (exact first, then the longest
 * prefix), with the IETF draft's RateLimit headers. Optional stages (off unless configured) stand
 * where real gateways put them: the access log wraps everything, the request id comes first so
 * even a refusal carries one, paths are normalised before anything reads them (as nginx does), the
 * cache sits after the rate limit (as Kong orders proxy-cache after rate-limiting, so a Hit still
 * uses quota), and the balancer picks an instance last.
 */
export const LESSON_PROFILE: GatewayProfile = {
  name: 'lesson',
  label: 'The lesson',
  order: [
    'access-log',
    'request-id',
    'normalise',
    'auth',
    'rate-limit',
    'router',
    'cache',
    'transform',
    'balancer',
  ],
  required: ['auth', 'rate-limit', 'router'],
  stageInfo: {
    'access-log': {
      name: 'access-log',
      label: 'Access log',
      description: 'Writes one structured line per request once its response is known.',
    },
    'request-id': {
      name: 'request-id',
      label: 'Request id',
      description: 'Gives every request an id, sent to the service and back to the client.',
    },
    normalise: {
      name: 'normalise',
      label: 'Normalise path',
      description: 'Decodes %XX, merges // and resolves . and .. before any rule reads the path.',
    },
    auth: {
      name: 'auth',
      label: 'Auth',
      description: 'Checks the API key: none or an unknown one is refused with 401.',
    },
    'rate-limit': {
      name: 'rate-limit',
      label: 'Rate limit',
      description: 'Counts requests per API key and refuses those over the limit with 429.',
    },
    router: {
      name: 'router',
      label: 'Router',
      description: 'Finds the service for the path: exact routes first, then the longest prefix.',
    },
    cache: {
      name: 'cache',
      label: 'Cache',
      description: 'Answers a repeated GET or HEAD from memory until its time to live runs out.',
    },
    transform: {
      name: 'transform',
      label: 'Transform',
      description:
        'Strips the route prefix, names the consumer and removes the key before forwarding.',
    },
    balancer: {
      name: 'balancer',
      label: 'Load balancer',
      description:
        'Picks a healthy instance; ejects one that keeps failing; 503 when none is left.',
    },
  },
  matchRoute,
  matching: { prefix: 'segment', winner: 'exact-then-longest' },
  normalise: (target) => ({ ok: true, path: normalisePath(target) }),
  limit: {
    algorithm: 'sliding-window-log',
    mechanism: 'a sliding-window log per API key',
    burst: null,
    statusSetting: null,
    refusedCount: false,
    windowsMs: null,
  },
  simplifications: [],
  keyHeader: 'X-API-Key',
  requestIdHeader: 'X-Request-Id',
  consumerHeader: 'X-Consumer-ID',
  cacheStatusHeader: 'X-Cache-Status',
  refusals: {
    missingKey: { status: 401, body: MESSAGES.missingKey },
    unknownKey: { status: 401, body: MESSAGES.unknownKey },
    rateLimited: { status: 429, body: MESSAGES.rateLimited },
    noRoute: { status: 404, body: MESSAGES.noRoute },
  },
  authRefusalHeaders(headers) {
    headers['WWW-Authenticate'] = 'Key';
  },
  rateLimitHeaders(headers, { allowed, quota, windowSeconds, after }) {
    headers['RateLimit-Policy'] = policyHeader(quota, windowSeconds);
    headers['RateLimit'] = rateLimitValue(after.remaining, Math.ceil(after.msUntilNextSlot / 1000));
    if (!allowed)
      headers['Retry-After'] = retryAfterValue(toRetryAfterSeconds(after.msUntilAllowed));
  },
  upstreamAnswer(outcome, { url, instance, timeoutMs }) {
    switch (outcome) {
      case 'ok':
        return { status: 200, body: `Routed to ${url}` };
      case 'refused':
        return { status: 502, body: `Bad Gateway: ${instance} refused the connection` };
      case 'error':
        return { status: 502, body: `Bad Gateway: ${instance} answered 500` };
      case 'timeout':
        return {
          status: 504,
          body: `Gateway Timeout: ${instance} did not answer within ${timeoutMs} ms`,
        };
    }
  },
  circuitOpen(service) {
    return {
      status: 503,
      body: `Service Unavailable: every instance of ${service} is ejected (circuit open)`,
    };
  },
};

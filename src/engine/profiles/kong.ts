import { LESSON_PROFILE } from './lesson';
import {
  jsonMessage,
  matchStringPrefixLongest,
  passThroughUpstream,
  stagesWith,
  wholeSeconds,
} from './shared';
import type { GatewayProfile } from './types';

/** Kong's rate-limiting plugin counts per one of these periods; the header names say which. */
const PERIODS: readonly (readonly [number, string])[] = [
  [1000, 'Second'],
  [60_000, 'Minute'],
  [3_600_000, 'Hour'],
  [86_400_000, 'Day'],
];

function periodName(windowSeconds: number): string {
  const found = PERIODS.find(([ms]) => ms === windowSeconds * 1000);
  return found === undefined ? `${windowSeconds}s` : found[1];
}

/**
 * Kong Gateway (3.7 and later) with a route per service, the key-auth plugin and the open-source
 * rate-limiting plugin: the router picks a route before any plugin runs, then plugins run by
 * priority (key-auth 1250, rate-limiting 910, proxy-cache 100). Paths are plain string prefixes.
 */
export const KONG_PROFILE: GatewayProfile = {
  ...LESSON_PROFILE,
  name: 'kong',
  label: 'Kong',
  order: [
    'access-log',
    'normalise',
    'router',
    'request-id',
    'auth',
    'rate-limit',
    'transform',
    'cache',
    'balancer',
  ],
  required: ['router', 'auth', 'rate-limit'],
  stageInfo: stagesWith(LESSON_PROFILE.stageInfo, {
    router: {
      label: 'Router',
      description:
        'Kong matches a route before any plugin: an unknown path is 404, even without a key.',
    },
    auth: {
      label: 'key-auth',
      description: 'The key-auth plugin reads the apikey header: none or an unknown one is 401.',
    },
    'rate-limit': {
      label: 'rate-limiting',
      description: 'Counts per consumer in calendar windows (each minute from :00); over it, 429.',
    },
    cache: {
      label: 'proxy-cache',
      description: 'Answers a repeated GET or HEAD from memory; runs after rate-limiting.',
    },
  }),
  matchRoute: matchStringPrefixLongest,
  matching: { prefix: 'string', winner: 'exact-then-longest' },
  limit: {
    algorithm: 'fixed-window',
    mechanism: 'the rate-limiting plugin (a fixed window on calendar boundaries)',
    burst: null,
    statusSetting: null,
    refusedCount: false,
    windowsMs: PERIODS.map(([ms]) => ms),
  },
  simplifications: [
    'An exact route stands for a Kong regex path such as ~/api/users$; Kong ranks routes by more than their path (hosts, methods, headers).',
    'strip_path is not applied: the service gets the path as sent.',
    'The rate-limiting plugin counts in this one playground, as its local policy does on one node.',
  ],
  keyHeader: 'apikey',
  consumerHeader: 'X-Consumer-ID',
  refusals: {
    missingKey: { status: 401, body: jsonMessage('No API key found in request') },
    unknownKey: { status: 401, body: jsonMessage('Unauthorized') },
    rateLimited: { status: 429, body: jsonMessage('API rate limit exceeded') },
    noRoute: { status: 404, body: jsonMessage('no Route matched with those values') },
  },
  authRefusalHeaders(headers) {
    headers['WWW-Authenticate'] = 'Key';
  },
  rateLimitHeaders(headers, { allowed, quota, windowSeconds, after, atMs }) {
    const windowMs = windowSeconds * 1000;
    const windowStartMs = after.windowStartMs ?? Math.floor(atMs / windowMs) * windowMs;
    const reset = wholeSeconds(windowStartMs + windowMs - atMs);
    const period = periodName(windowSeconds);
    headers['X-RateLimit-Limit-' + period] = String(quota);
    headers['X-RateLimit-Remaining-' + period] = String(after.remaining);
    headers['RateLimit-Limit'] = String(quota);
    headers['RateLimit-Remaining'] = String(after.remaining);
    headers['RateLimit-Reset'] = String(reset);
    if (!allowed) headers['Retry-After'] = String(reset);
  },
  upstreamAnswer: passThroughUpstream({
    refused: {
      status: 502,
      body: jsonMessage('An invalid response was received from the upstream server'),
    },
    timeout: { status: 504, body: jsonMessage('The upstream server is timing out') },
  }),
  circuitOpen() {
    return { status: 503, body: jsonMessage('failure to get a peer from the ring-balancer') };
  },
};

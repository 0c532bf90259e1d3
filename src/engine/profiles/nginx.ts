import { matchNginxLocation, type NginxLocation } from '../nginxLocation';
import { normaliseNginxPath } from '../nginxPath';
import type { Route } from '../routing';
import { pathOnly } from '../routing';
import { LESSON_PROFILE } from './lesson';
import { nginxPage, passThroughUpstream, stagesWith } from './shared';
import type { GatewayProfile, NormalisedPath, Refusal } from './types';

/** The reason phrases nginx writes in its own error pages. */
const REASONS: Readonly<Record<number, string>> = {
  301: 'Moved Permanently',
  400: 'Bad Request',
  401: 'Authorization Required',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** nginx's own answer for `status`: its HTML page, or an empty body for a code it has none for. */
export function nginxRefusal(status: number): Refusal {
  const reason = REASONS[status];
  return reason === undefined ? { status, body: '' } : nginxPage(status, reason);
}

/** Characters that must stay encoded in the pipeline's path, so it can still be cut at its query. */
const KEEP_ENCODED: Readonly<Record<string, string>> = { '%': '%25', '?': '%3F', '#': '%23' };
const ENCODED = /%25|%3F|%23/g;
const DECODED: Readonly<Record<string, string>> = { '%25': '%', '%3F': '?', '%23': '#' };

/** nginx's normalisation of a request target; what nginx answers 400 is refused with its page. */
function normalise(target: string): NormalisedPath {
  const uri = normaliseNginxPath(target);
  if (!uri.ok)
    return { ok: false, reason: `nginx answers 400: ${uri.reason}`, refusal: nginxRefusal(400) };
  const path = uri.path.replace(/[%?#]/g, (c) => KEEP_ENCODED[c] ?? c);
  return { ok: true, path: uri.args === null ? path : `${path}?${uri.args}` };
}

interface RouteLocation extends NginxLocation {
  readonly route: Route;
}

/** Each route as a location: `location = /path` for an exact route, else a proxying prefix. */
function locationsOf(routes: readonly Route[]): RouteLocation[] {
  return routes.map((route) => ({
    path: route.path,
    exact: route.match === 'exact',
    proxies: true,
    route,
  }));
}

/** The normalised path as nginx holds it in `$uri` (what the pipeline kept encoded, decoded). */
function uriOf(path: string): { readonly uri: string; readonly args: string | null } {
  const cut = path.indexOf('?');
  const raw = cut === -1 ? path : path.slice(0, cut);
  return {
    uri: pathOnly(raw).replace(ENCODED, (c) => DECODED[c] ?? c),
    args: cut === -1 ? null : path.slice(cut + 1),
  };
}

/**
 * nginx with a `map` of API keys and a server-level `if ($api_key_ok = 0) { return 401; }`, one
 * `limit_req_zone $http_x_api_key … rate=…` used by every route's location, a `location` per
 * route (`=` for exact ones) that proxies, and a catch-all `location / { return 404; }`. nginx's
 * phases fix the order: the path is normalised when the request line is read, the server-level
 * `if` runs in the server rewrite phase, the location is chosen next (the catch-all's `return`
 * answers in its rewrite phase), and `limit_req` runs after that, in the preaccess phase.
 */
export const NGINX_PROFILE: GatewayProfile = {
  ...LESSON_PROFILE,
  name: 'nginx',
  label: 'nginx',
  order: [
    'access-log',
    'request-id',
    'normalise',
    'auth',
    'router',
    'rate-limit',
    'cache',
    'transform',
    'balancer',
  ],
  required: ['normalise', 'auth', 'router', 'rate-limit'],
  stageInfo: stagesWith(LESSON_PROFILE.stageInfo, {
    normalise: {
      label: 'Normalise',
      description: 'Decodes %XX, merges // and resolves . and ..; a bad path is 400.',
    },
    auth: {
      label: 'if … return 401',
      description: 'A server-level check of the key against a map: runs before any location.',
    },
    router: {
      label: 'location',
      description: '= exact first, then the longest prefix; the catch-all returns 404 at once.',
    },
    'rate-limit': {
      label: 'limit_req',
      description: 'A leaky-bucket meter in thousandths of a request; over burst, 503 by default.',
    },
  }),
  matchRoute(routes, path) {
    const { uri, args } = uriOf(path);
    const match = matchNginxLocation(locationsOf(routes), uri, args);
    return match.kind === 'location' ? match.location.route : null;
  },
  redirect(routes, path) {
    const { uri, args } = uriOf(path);
    const match = matchNginxLocation(locationsOf(routes), uri, args);
    if (match.kind !== 'redirect') return null;
    return { ...nginxRefusal(301), location: match.to };
  },
  matching: { prefix: 'string', winner: 'exact-then-longest' },
  normalise,
  limit: {
    algorithm: 'leaky-bucket',
    mechanism: 'limit_req (a leaky-bucket meter; the rate is stored in thousandths per second)',
    burst: 'burst, the requests that may queue beyond the rate (with nodelay they pass at once)',
    statusSetting: { name: 'limit_req_status', refusal: nginxRefusal },
    refusedCount: false,
    windowsMs: null,
  },
  simplifications: [
    'nginx states rates per second or per minute (r/s, r/m); the playground accepts any window.',
    'Regex locations, auth_request and auth_basic (which run after limit_req) are not modelled.',
    'The 301 names the path only; nginx writes an absolute URL in Location.',
  ],
  keyHeader: 'X-API-Key',
  refusals: {
    missingKey: nginxRefusal(401),
    unknownKey: nginxRefusal(401),
    rateLimited: nginxRefusal(503),
    noRoute: nginxRefusal(404),
  },
  authRefusalHeaders() {},
  rateLimitHeaders() {},
  upstreamAnswer: passThroughUpstream({ refused: nginxRefusal(502), timeout: nginxRefusal(504) }),
  circuitOpen() {
    // Every server of the upstream marked down: nginx answers 502.
    return nginxRefusal(502);
  },
};

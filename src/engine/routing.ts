import { BoundedMap } from './boundedMap';
import { SettingError } from './errors';

export type MatchKind = 'prefix' | 'exact';

/** A path the gateway knows and the backend service it forwards to. */
export interface Route {
  readonly path: string;
  readonly serviceUrl: string;
  readonly match: MatchKind;
}

/** The route chosen for a request path, or null when none matches. */
export type RouteLookup = (path: string) => Route | null;

/** The last path `pathOnly` cut, and what it made of it. */
let lastPath = '';
let lastPathOnly = '';

/** The path without its query string or fragment: matching ignores both. */
export function pathOnly(path: string): string {
  // One request asks this about the same path several times (router, cache, transform,
  // forwarding), so the last answer is kept. Then a scan rather than `path.search(/[?#]/)`, which
  // allocates; a path with neither character comes back as the same string.
  if (path === lastPath) return lastPathOnly;
  let cut = path;
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code === 63 /* ? */ || code === 35 /* # */) {
      cut = path.slice(0, i);
      break;
    }
  }
  lastPath = path;
  lastPathOnly = cut;
  return cut;
}

/**
 * Checks a route path a learner typed. Returns a message, or null when the path is usable.
 * Paths start with `/`, contain no spaces, query string or fragment.
 */
export function routePathProblem(path: string): string | null {
  if (path.length === 0) return 'a route path cannot be empty';
  if (!path.startsWith('/')) return `a route path must start with "/", got "${path}"`;
  if (/\s/.test(path)) return `a route path cannot contain spaces, got "${path}"`;
  if (/[?#]/.test(path)) return `a route path cannot contain "?" or "#", got "${path}"`;
  if (path.includes('//')) return `a route path cannot contain "//", got "${path}"`;
  return null;
}

/** Throws a SettingError naming `setting` when the path is not usable. */
export function requireRoutePath(setting: string, path: string): void {
  const problem = routePathProblem(path);
  if (problem !== null) throw new SettingError(setting, problem);
}

/** Route prefixes are compared without a trailing slash, so `/api/users/` and `/api/users` are one. */
export function normalisePrefix(path: string): string {
  // charCodeAt rather than endsWith('/'): the router asks this of every route on every request.
  return path.length > 1 && path.charCodeAt(path.length - 1) === 47 /* / */
    ? path.slice(0, -1)
    : path;
}

/** Do two routes claim the same requests? Prefix routes differing only by a trailing `/` do. */
export function sameRoute(a: Route, b: Route): boolean {
  if (a.match !== b.match) return false;
  return a.match === 'exact'
    ? a.path === b.path
    : normalisePrefix(a.path) === normalisePrefix(b.path);
}

/**
 * Does `route` match the request `path`? Prefix routes respect segments: `/api/users` matches
 * `/api/users`, `/api/users/` and `/api/users/123`, never `/api/usersX`.
 */
export function routeMatches(route: Route, path: string): boolean {
  return pathMatches(route, pathOnly(path));
}

function pathMatches(route: Route, requestPath: string): boolean {
  if (route.match === 'exact') return requestPath === route.path;
  const prefix = normalisePrefix(route.path);
  if (prefix === '/') return requestPath.startsWith('/');
  if (!requestPath.startsWith(prefix)) return false;
  return requestPath.length === prefix.length || requestPath.charCodeAt(prefix.length) === 47; // '/'
}

/**
 * Picks the route for `path`: an exact route wins over prefixes, then the longest matching prefix
 * (as nginx does). The query string is ignored.
 */
export function matchRoute(routes: readonly Route[], path: string): Route | null {
  let best: Route | null = null;
  const requestPath = pathOnly(path);
  for (const route of routes) {
    if (!pathMatches(route, requestPath)) continue;
    if (route.match === 'exact') return route;
    if (best === null || normalisePrefix(route.path).length > normalisePrefix(best.path).length) {
      best = route;
    }
  }
  return best;
}

// Bounded (BoundedMap): URLs come from routes, but a learner can type many.
const SERVICE_NAMES = new BoundedMap<string, string>();
/** The URL asked last and its name: the runner and the balancer ask about the same route in turn. */
let lastUrl = '';
let lastName = '';

/** A short service name from its URL: `http://user-service:3001` → `user-service`. */
export function serviceName(serviceUrl: string): string {
  if (serviceUrl === lastUrl) return lastName;
  let name = SERVICE_NAMES.get(serviceUrl);
  if (name === undefined) {
    name = parseServiceName(serviceUrl);
    SERVICE_NAMES.set(serviceUrl, name);
  }
  lastUrl = serviceUrl;
  lastName = name;
  return name;
}

function parseServiceName(serviceUrl: string): string {
  const withoutScheme = serviceUrl.replace(/^[a-z]+:\/\//i, '');
  const host = withoutScheme.split(/[/:]/)[0];
  return host === undefined || host === '' ? serviceUrl : host;
}

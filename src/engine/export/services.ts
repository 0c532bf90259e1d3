import { SettingError, requirePositive, requirePositiveInteger } from '../errors';
import { normalisePrefix, routePathProblem, type MatchKind } from '../routing';
import type { GatewayConfig } from './types';

/** One backend service of an export: a name usable in every target's config, and where it lives. */
export interface ExportService {
  /** Unique among the config's services; letters, digits, `-` and `_` only. */
  readonly name: string;
  /** The service as the config wrote it (the key of `instances`). */
  readonly given: string;
  readonly scheme: 'http' | 'https';
  readonly host: string;
  readonly port: number;
  /** The URL's path (`/v1` in `http://svc:3001/v1`), `''` when there is none. */
  readonly basePath: string;
  /** `host:port` of each instance: the host itself for one, `host-1`, `host-2`, … for more. */
  readonly instances: readonly string[];
}

/** One route with its service resolved and its kind made explicit. */
export interface ExportRoute {
  readonly path: string;
  readonly match: MatchKind;
  readonly service: ExportService;
}

/** The config checked and resolved: services named, routes in the order the config lists them. */
export interface ResolvedConfig {
  readonly routes: readonly ExportRoute[];
  readonly services: readonly ExportService[];
  readonly keys: readonly string[];
  readonly limit: GatewayConfig['limit'];
  readonly cache: GatewayConfig['cache'];
  /** Routes left out because an earlier route claims the same requests (the playground's first wins). */
  readonly shadowed: readonly string[];
}

function parseService(service: string, setting: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(service) ? service : `http://${service}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new SettingError(setting, `"${service}" is not a service URL or host name`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SettingError(setting, `a service must be http or https, got "${service}"`);
  }
  if (url.hostname === '' || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new SettingError(setting, `a service is scheme://host[:port][/path], got "${service}"`);
  }
  return url;
}

function identifier(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[^A-Za-z]+/, 's') || 'service';
}

function instanceCount(config: GatewayConfig, given: string, url: string): number {
  const count = config.instances?.[given] ?? config.instances?.[url] ?? 1;
  requirePositiveInteger(`instances["${given}"]`, count);
  return count;
}

/** Same as the playground's: an exact route is one path, prefixes compare without a trailing `/`. */
function claimKey(path: string, match: MatchKind): string {
  return match === 'exact' ? `= ${path}` : normalisePrefix(path);
}

/**
 * Checks the config as every emitter needs it and resolves services. Throws a SettingError naming
 * the field (`routes[2].path`, `limit.burst`, …) for anything no target could use.
 */
export function resolveConfig(config: GatewayConfig): ResolvedConfig {
  const { limit } = config;
  requirePositiveInteger('limit.requests', limit.requests);
  requirePositive('limit.windowMs', limit.windowMs);
  if (limit.burst !== undefined && (!Number.isInteger(limit.burst) || limit.burst < 0)) {
    throw new SettingError('limit.burst', `must be a whole number ≥ 0, got ${limit.burst}`);
  }
  if (config.cache !== undefined) requirePositive('cache.ttlMs', config.cache.ttlMs);
  config.keys.forEach((key, i) => {
    const printable = [...key].every((ch) => ch >= ' ' && ch !== '\u007f');
    if (key === '' || !printable || key !== key.trim()) {
      throw new SettingError(`keys[${i}]`, `an API key is non-empty printable text, got "${key}"`);
    }
  });

  const byUrl = new Map<string, ExportService>();
  const usedNames = new Set<string>();
  const routes: ExportRoute[] = [];
  const claimed = new Set<string>();
  const shadowed: string[] = [];
  config.routes.forEach((route, i) => {
    const problem = routePathProblem(route.path);
    if (problem !== null) throw new SettingError(`routes[${i}].path`, problem);
    const url = parseService(route.service, `routes[${i}].service`);
    const match = route.match ?? 'prefix';
    const key = claimKey(route.path, match);
    if (claimed.has(key)) {
      shadowed.push(`${match} route ${route.path} → ${route.service}`);
      return;
    }
    claimed.add(key);
    let service = byUrl.get(url.href);
    if (service === undefined) {
      const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
      let name = identifier(url.hostname);
      for (let n = 2; usedNames.has(name); n++) name = `${identifier(url.hostname)}-${n}`;
      usedNames.add(name);
      const count = instanceCount(config, route.service, url.href);
      const host = url.hostname;
      service = {
        name,
        given: route.service,
        scheme: url.protocol === 'https:' ? 'https' : 'http',
        host,
        port,
        basePath: url.pathname === '/' ? '' : url.pathname.replace(/\/$/, ''),
        instances: Array.from({ length: count }, (_, k) =>
          count === 1 ? `${host}:${port}` : `${host}-${k + 1}:${port}`,
        ),
      };
      byUrl.set(url.href, service);
    }
    routes.push({ path: route.path, match, service });
  });
  return {
    routes,
    services: [...byUrl.values()],
    keys: [...new Set(config.keys)],
    limit,
    cache: config.cache,
    shadowed,
  };
}

/** notExpressed lines every target shares: duplicates left out, base paths. */
export function sharedNotes(resolved: ResolvedConfig): string[] {
  return resolved.shadowed.map(
    (route) =>
      `The ${route} is left out: an earlier route claims the same paths, and the playground uses the first.`,
  );
}

/** Tokens a token bucket holds when `burst` is not given: `requests`, as the playground's bucket. */
export function bucketSize(limit: GatewayConfig['limit']): number {
  return limit.burst ?? limit.requests;
}

/** `1500` → `1.5s`, `60000` → `60s`: a duration in seconds for Envoy and logs. */
export function secondsText(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(3))}s`;
}

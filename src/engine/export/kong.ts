import { normalisePrefix } from '../routing';
import { type ExportService, resolveConfig, sharedNotes } from './services';
import { API_KEY_HEADER, type ExportResult, type ExportTarget, type GatewayConfig } from './types';
import { type YamlValue, toYaml, yamlComment } from './yaml';

/** Kong rate-limiting's periods that have a fixed length (month and year follow the calendar). */
const PERIODS = [
  { name: 'second', ms: 1000 },
  { name: 'minute', ms: 60_000 },
  { name: 'hour', ms: 3_600_000 },
  { name: 'day', ms: 86_400_000 },
] as const;

/** `/api/v1.0` → `/api/v1\.0`: a route path as a literal inside Kong's regex path. */
function regexLiteral(path: string): string {
  return path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The window as one Kong period and a whole limit in it, and what that changes. */
export function kongRateLimit(
  requests: number,
  windowMs: number,
): { period: string; limit: number; notes: string[] } {
  const exact = PERIODS.find((p) => p.ms === windowMs);
  if (exact !== undefined) return { period: exact.name, limit: requests, notes: [] };
  const period = PERIODS.find((p) => p.ms >= windowMs) ?? PERIODS[3];
  const limit = Math.max(1, Math.floor((requests * period.ms) / windowMs));
  return {
    period: period.name,
    limit,
    notes: [
      `Kong counts per second, minute, hour, day, month or year: ${requests} per ${windowMs} ms is exported as ${limit} per ${period.name}, all of which may pass at the start of it.`,
    ],
  };
}

function serviceEntry(service: ExportService, routes: YamlValue[]): Record<string, YamlValue> {
  const base = { name: service.name };
  if (service.instances.length === 1) {
    return {
      ...base,
      url: `${service.scheme}://${service.host}:${service.port}${service.basePath}`,
      routes,
    };
  }
  return {
    ...base,
    protocol: service.scheme,
    host: `${service.name}.upstream`,
    port: service.port,
    path: service.basePath === '' ? undefined : service.basePath,
    routes,
  } as Record<string, YamlValue>;
}

/** Kong declarative config (`_format_version: "3.0"`, DB-less `kong.yml`). */
export function emitKong(config: GatewayConfig): ExportResult {
  const resolved = resolveConfig(config);
  const { limit } = resolved;
  const notes = sharedNotes(resolved);
  const exactPaths = new Set(resolved.routes.filter((r) => r.match === 'exact').map((r) => r.path));

  const routesByService = new Map<string, YamlValue[]>();
  resolved.routes.forEach((route, i) => {
    // Kong's prefixes are plain strings (`/api/users` takes `/api/usersX`), so a segment-aware
    // prefix is the prefix `/api/users/` plus the anchored regex `~/api/users$`. Kong tries regex
    // paths before prefixes, and each regex here matches one path, so none can shadow another.
    let paths: string[];
    if (route.match === 'exact') paths = [`~${regexLiteral(route.path)}$`];
    else {
      const base = normalisePrefix(route.path);
      paths =
        base === '/'
          ? ['/']
          : [...(exactPaths.has(base) ? [] : [`~${regexLiteral(base)}$`]), `${base}/`];
    }
    const list = routesByService.get(route.service.name) ?? [];
    list.push({ name: `route-${i + 1}`, paths, strip_path: false });
    routesByService.set(route.service.name, list);
  });

  const rate = kongRateLimit(limit.requests, limit.windowMs);
  notes.push(...rate.notes);
  notes.push(
    'Kong’s rate-limiting counts in fixed windows on calendar boundaries: up to twice the limit can pass across a boundary.',
    'Kong runs its router before key-auth: a request to an unknown path gets 404 even without a key.',
  );
  if (limit.burst !== undefined) {
    notes.push(`Kong’s rate-limiting has no burst: limit.burst (${limit.burst}) is not exported.`);
  }
  if (limit.nodelay === false)
    notes.push('Kong never queues a request: delay mode is not exported.');

  const plugins: YamlValue[] = [
    {
      name: 'key-auth',
      config: {
        key_names: [API_KEY_HEADER],
        key_in_header: true,
        key_in_query: false,
        key_in_body: false,
      },
    },
    {
      name: 'rate-limiting',
      config: { [rate.period]: rate.limit, limit_by: 'consumer', policy: 'local' },
    },
  ];
  if (resolved.cache !== undefined) {
    const ttlSeconds = Math.ceil(resolved.cache.ttlMs / 1000);
    if (ttlSeconds * 1000 !== resolved.cache.ttlMs) {
      notes.push(
        `Kong’s cache_ttl is whole seconds: ${resolved.cache.ttlMs} ms is exported as ${ttlSeconds}.`,
      );
    }
    notes.push(
      'Kong keys cached answers by consumer, route, method, path and query string: one key’s answer is not served to another key, unlike the playground’s cache.',
      'Kong caches only the listed content types (text/plain and application/json here).',
    );
    plugins.push({
      name: 'proxy-cache',
      config: {
        strategy: 'memory',
        cache_ttl: ttlSeconds,
        request_method: ['GET', 'HEAD'],
        response_code: [200],
        content_type: ['text/plain', 'application/json'],
      },
    });
  }

  const balanced = resolved.services.filter((s) => s.instances.length > 1);
  const document: Record<string, YamlValue | undefined> = {
    _format_version: '3.0',
    services: resolved.services.map((s) => serviceEntry(s, routesByService.get(s.name) ?? [])),
    upstreams:
      balanced.length === 0
        ? undefined
        : balanced.map((s) => ({
            name: `${s.name}.upstream`,
            targets: s.instances.map((target) => ({ target, weight: 100 })),
          })),
    consumers: resolved.keys.map((key, i) => ({
      username: `key-${i + 1}`,
      keyauth_credentials: [{ key }],
    })),
    plugins,
  };
  const header = yamlComment([
    'Kong declarative config exported from the API gateway playground (Kong 3.x, DB-less).',
    'Load with KONG_DECLARATIVE_CONFIG=kong.yml; API keys arrive in the X-API-Key header.',
  ]);
  return { filename: 'kong.yml', text: header + toYaml(document), notExpressed: notes };
}

export const KONG_TARGET: ExportTarget = {
  id: 'kong',
  label: 'Kong',
  format: 'Kong 3.x declarative config (kong.yml)',
  emit: emitKong,
};

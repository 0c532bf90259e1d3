import { leakyBucketOptions } from '../limiters';
import { nginxRateThousandths } from '../limiters/leakyBucket';
import type { NginxLocation } from '../nginxLocation';
import { normalisePrefix } from '../routing';
import { type ResolvedConfig, resolveConfig, sharedNotes } from './services';
import type { ExportResult, ExportTarget, GatewayConfig } from './types';

/** `limit_req_zone … rate=N r/s|r/m`: nginx writes a rate only as whole requests per s or min. */
export interface NginxRate {
  readonly rate: number;
  readonly unit: 'r/s' | 'r/m';
  /** 1000 for r/s, 60000 for r/m. */
  readonly windowMs: number;
}

/** One `location` the export writes, as far as the tests and the model need it. */
export interface PlannedLocation extends NginxLocation {
  /** The upstream it passes to; absent for the catch-all, which answers `returns`. */
  readonly upstream?: string;
  readonly returns?: 404;
}

/** What the nginx export decides before it writes text: the tests model nginx from this. */
export interface NginxPlan {
  readonly apiKeys: readonly string[];
  readonly rate: NginxRate;
  readonly burst: number;
  readonly nodelay: boolean;
  readonly limitStatus: 429;
  readonly locations: readonly PlannedLocation[];
  readonly upstreams: readonly { readonly name: string; readonly servers: readonly string[] }[];
  /** `proxy_cache_valid 200 Ns`: whole seconds. */
  readonly cacheSeconds: number | null;
  readonly notExpressed: readonly string[];
}

/** Where the file listens, caches, and how it names service addresses (tests point them at stand-ins). */
export interface NginxFileOptions {
  readonly listen?: string;
  readonly cachePath?: string;
  /** Maps `host:port` of an instance to the address written in its `upstream`. */
  readonly addressOf?: (hostPort: string) => string;
}

const LIMIT_ZONE = 'per_key';
const CACHE_ZONE = 'gateway_cache';
/** nginx's `$http_x_api_key`: the playground's X-API-Key header. */
const KEY_VARIABLE = '$http_x_api_key';

function round(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** The closest rate nginx can write, and what was lost on the way. */
export function nginxRate(requests: number, windowMs: number): NginxRate & { notes: string[] } {
  const notes: string[] = [];
  const perSecond = (requests * 1000) / windowMs;
  const perMinute = (requests * 60_000) / windowMs;
  let rate: NginxRate;
  if (Number.isInteger(perSecond)) rate = { rate: perSecond, unit: 'r/s', windowMs: 1000 };
  else if (Number.isInteger(perMinute)) rate = { rate: perMinute, unit: 'r/m', windowMs: 60_000 };
  else {
    rate = { rate: Math.max(1, Math.round(perMinute)), unit: 'r/m', windowMs: 60_000 };
    notes.push(
      `${requests} per ${windowMs} ms is ${round(perMinute)} r/m; nginx writes only whole requests per second or minute, so the export says ${rate.rate}r/m.`,
    );
  }
  const thousandths = nginxRateThousandths(rate.rate, rate.windowMs);
  if ((rate.rate * 1_000_000) % rate.windowMs !== 0) {
    notes.push(
      `nginx stores ${rate.rate}${rate.unit} as ${thousandths} thousandths of a request per second: one request every ${round(1_000_000 / thousandths / 1000)} s, not ${round(rate.windowMs / rate.rate / 1000)} s.`,
    );
  }
  return { ...rate, notes };
}

function plannedLocations(resolved: ResolvedConfig): PlannedLocation[] {
  const exact = new Map<string, string>();
  const prefix = new Map<string, string>();
  for (const route of resolved.routes) {
    if (route.match === 'exact') exact.set(route.path, route.service.name);
  }
  for (const route of resolved.routes) {
    if (route.match !== 'prefix') continue;
    const base = normalisePrefix(route.path);
    if (base === '/') {
      prefix.set('/', route.service.name);
      continue;
    }
    // nginx's `/api/users` would also take `/api/usersX`: the playground's segment-aware prefix
    // is `= /api/users` plus `/api/users/`. An exact route for the same path keeps its `=`.
    if (!exact.has(base)) exact.set(base, route.service.name);
    prefix.set(`${base}/`, route.service.name);
  }
  const locations: PlannedLocation[] = [
    ...[...exact].map(([path, upstream]) => ({ path, exact: true, proxies: true, upstream })),
    ...[...prefix].map(([path, upstream]) => ({ path, exact: false, proxies: true, upstream })),
  ];
  // nginx answers `/x` with a 301 to `/x/` when a proxying location is named `/x/` and none `/x`.
  // The playground sends `/x` where its longest prefix says, or 404: an `= /x` says the same.
  for (const path of [...exact.keys(), ...prefix.keys()]) {
    const bare = path.slice(0, -1);
    if (!path.endsWith('/') || bare === '' || exact.has(bare) || prefix.has(bare)) continue;
    let upstream: string | undefined;
    let longest = -1;
    for (const [name, service] of prefix) {
      if (bare.startsWith(name) && name.length > longest)
        [upstream, longest] = [service, name.length];
    }
    locations.push(
      upstream === undefined
        ? { path: bare, exact: true, proxies: false, returns: 404 }
        : { path: bare, exact: true, proxies: true, upstream },
    );
  }
  if (!prefix.has('/')) locations.push({ path: '/', exact: false, proxies: false, returns: 404 });
  return locations;
}

/** Decides everything the nginx.conf will say; throws a SettingError for an unusable config. */
export function planNginx(config: GatewayConfig): NginxPlan {
  const resolved = resolveConfig(config);
  const { limit } = resolved;
  const rate = nginxRate(limit.requests, limit.windowMs);
  const { burst, nodelay } = leakyBucketOptions({ maxRequests: limit.requests, ...limit });
  const notes = [...sharedNotes(resolved), ...rate.notes];
  notes.push(
    'nginx matches the normalised path (percent-decoded, // merged, . and .. resolved), so /api/users/../admin is /api/admin; the lesson’s gateway matches the path as sent.',
    'A request to an unknown path uses no quota in nginx: the catch-all answers 404 before limit_req runs.',
  );
  if (resolved.routes.some((r) => r.path.includes('%'))) {
    notes.push('Route paths with %XX never match in nginx, which compares decoded paths.');
  }
  for (const service of resolved.services) {
    if (service.basePath !== '') {
      notes.push(
        `The base path ${service.basePath} of ${service.given} is not exported: proxy_pass forwards the request path unchanged.`,
      );
    }
  }
  let cacheSeconds: number | null = null;
  if (resolved.cache !== undefined) {
    cacheSeconds = Math.ceil(resolved.cache.ttlMs / 1000);
    if (cacheSeconds * 1000 !== resolved.cache.ttlMs) {
      notes.push(
        `nginx caches for whole seconds: a TTL of ${resolved.cache.ttlMs} ms is exported as ${cacheSeconds}s.`,
      );
    }
    notes.push(
      'nginx checks a cached entry’s age in whole seconds, so an entry may expire up to 1 s early; a response that sets cookies is never cached.',
    );
  }
  return {
    apiKeys: resolved.keys,
    rate,
    burst,
    nodelay,
    limitStatus: 429,
    locations: plannedLocations(resolved),
    upstreams: resolved.services.map((s) => ({ name: s.name, servers: s.instances })),
    cacheSeconds,
    notExpressed: notes,
  };
}

/** A string nginx reads back as itself: bare when it is plain, else double-quoted. */
function nginxString(text: string): string {
  return /^[A-Za-z0-9/._~%:-]+$/.test(text) ? text : `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** A `map` source value: `default`, `hostnames`, … and a leading `~` need a backslash. */
function mapSource(key: string): string {
  const special =
    ['default', 'hostnames', 'include', 'volatile'].includes(key) || key.startsWith('~');
  // Inside quotes nginx reads \\ as one backslash; map then drops a leading one.
  return `"${special ? '\\\\' : ''}${key.replace(/["\\]/g, '\\$&')}"`;
}

function indent(lines: readonly string[], by: number): string[] {
  return lines.map((line) => (line === '' ? '' : `${' '.repeat(by)}${line}`));
}

/** The `http { … }` body of the exported nginx.conf. */
export function renderNginxHttp(plan: NginxPlan, options: NginxFileOptions = {}): string[] {
  const addressOf = options.addressOf ?? ((hostPort: string) => hostPort);
  const lines: string[] = [
    `# Which keys are known: a request without one, or with another, is refused with 401.`,
    `map ${KEY_VARIABLE} $api_key_known {`,
    '    default 0;',
    ...plan.apiKeys.map((key) => `    ${mapSource(key)} 1;`),
    '}',
    '',
    `# ${plan.rate.rate}${plan.rate.unit} per API key; the excess beyond burst is refused.`,
    `limit_req_zone ${KEY_VARIABLE} zone=${LIMIT_ZONE}:10m rate=${plan.rate.rate}${plan.rate.unit};`,
    `limit_req_status ${plan.limitStatus};`,
  ];
  if (plan.cacheSeconds !== null) {
    const path = options.cachePath ?? '/var/cache/nginx/gateway';
    lines.push('', `proxy_cache_path ${nginxString(path)} levels=1:2 keys_zone=${CACHE_ZONE}:10m;`);
  }
  for (const upstream of plan.upstreams) {
    lines.push(
      '',
      `upstream ${upstream.name} {`,
      ...upstream.servers.map((server) => `    server ${addressOf(server)};`),
      '}',
    );
  }
  const server: string[] = [
    `listen ${options.listen ?? '8080'};`,
    '',
    '# Server level, so it runs in the rewrite phase: before any location and before limit_req.',
    'if ($api_key_known = 0) {',
    '    return 401;',
    '}',
    '',
    `limit_req zone=${LIMIT_ZONE}${plan.burst > 0 ? ` burst=${plan.burst}` : ''}${plan.nodelay && plan.burst > 0 ? ' nodelay' : ''};`,
  ];
  if (plan.cacheSeconds !== null) {
    server.push(
      '',
      `proxy_cache ${CACHE_ZONE};`,
      '# Like the playground: one entry per method and path, whatever the query string or key.',
      'proxy_cache_key $request_method$uri;',
      'proxy_cache_methods GET HEAD;',
      `proxy_cache_valid 200 ${plan.cacheSeconds}s;`,
      'proxy_ignore_headers Cache-Control Expires X-Accel-Expires;',
      'add_header X-Cache-Status $upstream_cache_status always;',
    );
  }
  for (const location of plan.locations) {
    const name = `${location.exact ? '= ' : ''}${nginxString(location.path)}`;
    const body =
      location.upstream !== undefined
        ? `proxy_pass http://${location.upstream};`
        : `return ${location.returns ?? 404};`;
    server.push('', `location ${name} {`, `    ${body}`, '}');
  }
  lines.push('', 'server {', ...indent(server, 4), '}');
  return lines;
}

/** The whole nginx.conf: an `events` block and the `http` block. */
export function renderNginx(plan: NginxPlan, options: NginxFileOptions = {}): string {
  return [
    '# nginx.conf exported from the API gateway playground (nginx 1.22 or later).',
    '# API keys arrive in the X-API-Key header.',
    'events {}',
    '',
    'http {',
    ...indent(renderNginxHttp(plan, options), 4),
    '}',
    '',
  ].join('\n');
}

export function emitNginx(config: GatewayConfig): ExportResult {
  const plan = planNginx(config);
  return { filename: 'nginx.conf', text: renderNginx(plan), notExpressed: plan.notExpressed };
}

export const NGINX_TARGET: ExportTarget = {
  id: 'nginx',
  label: 'nginx',
  format: 'nginx.conf for nginx 1.22 or later',
  emit: emitNginx,
};

import { normalisePrefix } from '../routing';
import {
  type ExportRoute,
  type ExportService,
  bucketSize,
  resolveConfig,
  secondsText,
  sharedNotes,
} from './services';
import { API_KEY_HEADER, type ExportResult, type ExportTarget, type GatewayConfig } from './types';
import { type YamlValue, toYaml, yamlComment } from './yaml';

/** Envoy refills a token bucket at most every 50 ms. */
const MIN_FILL_INTERVAL_MS = 50;
const DESCRIPTOR_KEY = 'api_key';
const ALWAYS = { default_value: { numerator: 100, denominator: 'HUNDRED' } };

/**
 * Routes in the order Envoy should try them. Envoy takes the first match, the playground an exact
 * route first, then the longest prefix: so exact routes first, then prefixes longest first.
 */
export function envoyRouteOrder(routes: readonly ExportRoute[]): ExportRoute[] {
  const exact = routes.filter((r) => r.match === 'exact');
  const prefix = routes
    .filter((r) => r.match === 'prefix')
    .sort((a, b) => normalisePrefix(b.path).length - normalisePrefix(a.path).length);
  return [...exact, ...prefix];
}

function routeMatch(route: ExportRoute): Record<string, string> {
  if (route.match === 'exact') return { path: route.path };
  const base = normalisePrefix(route.path);
  // path_separated_prefix is segment-aware like the playground (`/api/users` and `/api/users/…`,
  // never `/api/usersX`) but may not be `/` or end in `/`.
  return base === '/' ? { prefix: '/' } : { path_separated_prefix: base };
}

function cluster(service: ExportService): Record<string, YamlValue> {
  const endpoints = service.instances.map((hostPort) => {
    const at = hostPort.lastIndexOf(':');
    return {
      endpoint: {
        address: {
          socket_address: {
            address: hostPort.slice(0, at),
            port_value: Number(hostPort.slice(at + 1)),
          },
        },
      },
    };
  });
  const entry: Record<string, YamlValue> = {
    name: service.name,
    type: 'STRICT_DNS',
    connect_timeout: '5s',
    lb_policy: 'ROUND_ROBIN',
    load_assignment: { cluster_name: service.name, endpoints: [{ lb_endpoints: endpoints }] },
  };
  if (service.scheme === 'https') {
    entry.transport_socket = {
      name: 'envoy.transport_sockets.tls',
      typed_config: {
        '@type': 'type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext',
        sni: service.host,
      },
    };
  }
  return entry;
}

/** `requests` per `windowMs` as Envoy's tokens_per_fill per fill_interval (at least 50 ms). */
function tokenBucket(limit: GatewayConfig['limit'], maxTokens: number): Record<string, YamlValue> {
  const scale = Math.ceil(MIN_FILL_INTERVAL_MS / limit.windowMs);
  return {
    max_tokens: maxTokens,
    tokens_per_fill: limit.requests * scale,
    fill_interval: secondsText(limit.windowMs * scale),
  };
}

/** Envoy static bootstrap YAML (v3 API, Envoy 1.34 or later for the api_key_auth filter). */
export function emitEnvoy(config: GatewayConfig): ExportResult {
  const resolved = resolveConfig(config);
  const { limit } = resolved;
  const notes = sharedNotes(resolved);
  let maxTokens = bucketSize(limit);
  if (maxTokens < 1) {
    maxTokens = 1;
    notes.push('Envoy’s max_tokens must be at least 1: a burst of 0 is exported as 1.');
  }
  if (limit.windowMs < MIN_FILL_INTERVAL_MS) {
    notes.push(
      `Envoy refills at most every 50 ms: the ${limit.windowMs} ms window is scaled up with its tokens.`,
    );
  }
  if (limit.nodelay === false)
    notes.push('Envoy never queues a request: delay mode is not exported.');
  notes.push(
    'Envoy’s local rate limit counts per Envoy process: several Envoys let through that many times the rate.',
    'This export turns on normalize_path and merge_slashes, so dot segments and // are resolved before matching; the lesson’s gateway matches the path as sent.',
  );
  if (resolved.cache !== undefined) {
    notes.push(
      `The cache (${resolved.cache.ttlMs} ms) is not exported: Envoy’s cache filter follows the service’s Cache-Control headers and has no TTL of its own.`,
    );
  }
  for (const service of resolved.services) {
    if (service.basePath !== '') {
      notes.push(
        `The base path ${service.basePath} of ${service.given} is not exported: Envoy forwards the request path unchanged.`,
      );
    }
  }

  const bucket = tokenBucket(limit, maxTokens);
  const routes = envoyRouteOrder(resolved.routes).map((route) => ({
    match: routeMatch(route),
    route: { cluster: route.service.name },
  }));
  const connectionManager = {
    '@type':
      'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
    stat_prefix: 'gateway',
    normalize_path: true,
    merge_slashes: true,
    route_config: {
      name: 'gateway',
      virtual_hosts: [
        {
          name: 'gateway',
          domains: ['*'],
          // One descriptor per request, from its key: the local rate limit keeps a bucket per key.
          rate_limits: [
            {
              actions: [
                {
                  request_headers: { header_name: API_KEY_HEADER, descriptor_key: DESCRIPTOR_KEY },
                },
              ],
            },
          ],
          routes,
        },
      ],
    },
    http_filters: [
      {
        name: 'envoy.filters.http.api_key_auth',
        typed_config: {
          '@type': 'type.googleapis.com/envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth',
          credentials: resolved.keys.map((key, i) => ({ key, client: `key-${i + 1}` })),
          key_sources: [{ header: API_KEY_HEADER }],
        },
      },
      {
        name: 'envoy.filters.http.local_ratelimit',
        typed_config: {
          '@type':
            'type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit',
          stat_prefix: 'per_key',
          token_bucket: bucket,
          filter_enabled: { runtime_key: 'local_rate_limit_enabled', ...ALWAYS },
          filter_enforced: { runtime_key: 'local_rate_limit_enforced', ...ALWAYS },
          // Only the key's own bucket is spent, not the shared default one as well.
          always_consume_default_token_bucket: false,
          descriptors: resolved.keys.map((key) => ({
            entries: [{ key: DESCRIPTOR_KEY, value: key }],
            token_bucket: bucket,
          })),
        },
      },
      {
        name: 'envoy.filters.http.router',
        typed_config: {
          '@type': 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router',
        },
      },
    ],
  };
  const document = {
    static_resources: {
      listeners: [
        {
          name: 'gateway',
          address: { socket_address: { address: '0.0.0.0', port_value: 8080 } },
          filter_chains: [
            {
              filters: [
                {
                  name: 'envoy.filters.network.http_connection_manager',
                  typed_config: connectionManager,
                },
              ],
            },
          ],
        },
      ],
      clusters: resolved.services.map(cluster),
    },
  };
  const header = yamlComment([
    'Envoy static bootstrap exported from the API gateway playground (v3 API; api_key_auth needs Envoy 1.34 or later).',
    'Filters run in order: API key (401), local rate limit per key (429), router (404 when no route matches).',
  ]);
  return { filename: 'envoy.yaml', text: header + toYaml(document), notExpressed: notes };
}

export const ENVOY_TARGET: ExportTarget = {
  id: 'envoy',
  label: 'Envoy',
  format: 'Envoy static bootstrap YAML (v3 API)',
  emit: emitEnvoy,
};

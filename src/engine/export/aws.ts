import { normalisePrefix } from '../routing';
import { type ExportService, bucketSize, resolveConfig, sharedNotes } from './services';
import { API_KEY_HEADER, type ExportResult, type ExportTarget, type GatewayConfig } from './types';
import { type YamlValue, toYaml, yamlComment } from './yaml';

/** API Gateway's stage cache holds an entry for at most an hour. */
const MAX_CACHE_TTL_SECONDS = 3600;

function serviceUrl(service: ExportService): string {
  return `${service.scheme}://${service.host}:${service.port}${service.basePath}`;
}

function method(uri: string, greedy: boolean): Record<string, YamlValue> {
  return {
    ...(greedy
      ? { parameters: [{ name: 'proxy', in: 'path', required: true, schema: { type: 'string' } }] }
      : {}),
    security: [{ api_key: [] }],
    'x-amazon-apigateway-integration': {
      type: 'http_proxy',
      httpMethod: 'ANY',
      uri,
      ...(greedy
        ? { requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' } }
        : {}),
      passthroughBehavior: 'when_no_match',
    },
  };
}

/** A shell word that stays one word and expands nothing. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

function round(value: number): number {
  return Number(value.toFixed(6));
}

/**
 * AWS API Gateway (REST API): an OpenAPI 3.0 definition to import, with the usage plan, keys and
 * stage cache as AWS CLI commands in comments (usage plans are not part of OpenAPI).
 */
export function emitAws(config: GatewayConfig): ExportResult {
  const resolved = resolveConfig(config);
  const { limit } = resolved;
  const notes = sharedNotes(resolved);
  const paths = new Map<string, { uri: string; greedy: boolean }>();
  const claim = (path: string, uri: string, greedy: boolean): void => {
    if (!paths.has(path)) paths.set(path, { uri, greedy });
  };
  // Exact routes first, so they keep their resource when a prefix route has the same path.
  const ordered = [...resolved.routes].sort((a, b) =>
    a.match === b.match ? 0 : a.match === 'exact' ? -1 : 1,
  );
  for (const route of ordered) {
    if (/[{}]/.test(route.path)) {
      notes.push(
        `The route ${route.path} is not exported: API Gateway reads {…} as a path parameter.`,
      );
      continue;
    }
    const base = serviceUrl(route.service);
    if (route.match === 'exact') {
      const resource = normalisePrefix(route.path);
      if (resource !== route.path) {
        notes.push(
          `API Gateway resources have no trailing slash: the exact route ${route.path} is exported as ${resource}.`,
        );
      }
      claim(resource, `${base}${resource}`, false);
      continue;
    }
    // A prefix is the resource itself plus a greedy {proxy+} below it: segment-aware, like the
    // playground, and API Gateway prefers the most specific resource, like the longest prefix.
    const prefix = normalisePrefix(route.path);
    const below = prefix === '/' ? '' : prefix;
    claim(prefix, `${base}${prefix}`, false);
    claim(`${below}/{proxy+}`, `${base}${below}/{proxy}`, true);
  }
  for (const service of resolved.services) {
    if (service.instances.length > 1) {
      notes.push(
        `${service.instances.length} instances of ${service.given} are not exported: an http_proxy integration calls one URL; put a load balancer in front of them.`,
      );
    }
  }

  const rateLimit = round((limit.requests * 1000) / limit.windowMs);
  const burstLimit = bucketSize(limit);
  notes.push(
    'Usage plans, API keys and the stage cache are not part of OpenAPI: the file ends with the AWS CLI commands that create them.',
    'API Gateway answers 403 for a missing or unknown key ("Forbidden") and for an unknown path ("Missing Authentication Token"), not 401 and 404.',
    `The usage plan throttles each key with a token bucket (${rateLimit} requests per second, burst ${burstLimit}) on a best-effort basis.`,
  );
  if (limit.nodelay === false)
    notes.push('API Gateway never queues a request: delay mode is not exported.');
  const badKeys = resolved.keys.filter((key) => key.length < 20 || key.length > 128);
  if (badKeys.length > 0) {
    notes.push(
      `API Gateway key values are 20 to 128 characters: ${badKeys.map((k) => `"${k}"`).join(', ')} will be refused; create longer keys.`,
    );
  }

  const document = {
    openapi: '3.0.1',
    info: { title: 'gateway-playground', version: '1.0' },
    'x-amazon-apigateway-api-key-source': 'HEADER',
    paths: Object.fromEntries(
      [...paths].map(([path, { uri, greedy }]) => [
        path,
        { 'x-amazon-apigateway-any-method': method(uri, greedy) },
      ]),
    ),
    components: {
      securitySchemes: { api_key: { type: 'apiKey', name: API_KEY_HEADER, in: 'header' } },
    },
  };

  const commands = [
    'After importing (aws apigateway import-rest-api --body fileb://openapi.yaml) and deploying to a stage:',
    `aws apigateway create-usage-plan --name gateway-playground --throttle burstLimit=${burstLimit},rateLimit=${rateLimit} --api-stages apiId=API_ID,stage=STAGE`,
    ...resolved.keys.flatMap((key, i) => [
      `aws apigateway create-api-key --name key-${i + 1} --value ${shellQuote(key)} --enabled`,
      `aws apigateway create-usage-plan-key --usage-plan-id PLAN_ID --key-type API_KEY --key-id KEY_${i + 1}_ID`,
    ]),
  ];
  if (resolved.cache !== undefined) {
    let ttl = Math.ceil(resolved.cache.ttlMs / 1000);
    if (ttl > MAX_CACHE_TTL_SECONDS) {
      notes.push(
        `API Gateway caches for at most ${MAX_CACHE_TTL_SECONDS} s: the TTL is exported as that.`,
      );
      ttl = MAX_CACHE_TTL_SECONDS;
    } else if (ttl * 1000 !== resolved.cache.ttlMs) {
      notes.push(
        `API Gateway’s cache TTL is whole seconds: ${resolved.cache.ttlMs} ms is exported as ${ttl}.`,
      );
    }
    notes.push('API Gateway’s stage cache is a paid cache cluster, enabled per stage.');
    commands.push(
      `aws apigateway update-stage --rest-api-id API_ID --stage-name STAGE --patch-operations op=replace,path=/cacheClusterEnabled,value=true op=replace,path=/cacheClusterSize,value=0.5 op=replace,path=/*/*/caching/enabled,value=true op=replace,path=/*/*/caching/ttlInSeconds,value=${ttl}`,
    );
  }
  const header = yamlComment([
    'AWS API Gateway REST API (OpenAPI 3.0) exported from the API gateway playground.',
    'API keys arrive in the X-API-Key header; every method requires one.',
  ]);
  const footer = `\n${yamlComment(commands)}`;
  return {
    filename: 'openapi.yaml',
    text: header + toYaml(document) + footer,
    notExpressed: notes,
  };
}

export const AWS_TARGET: ExportTarget = {
  id: 'aws',
  label: 'AWS API Gateway',
  format: 'OpenAPI 3.0 for a REST API import, with the usage plan as AWS CLI commands',
  emit: emitAws,
};

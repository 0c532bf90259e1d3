import { describe, expect, it } from 'vitest';
import { emitAws } from './aws';
import { emitEnvoy, envoyRouteOrder } from './envoy';
import { EXPORT_TARGETS, exportTarget } from './index';
import { emitKong, kongRateLimit } from './kong';
import { resolveConfig } from './services';
import type { GatewayConfig } from './types';

const CONFIG: GatewayConfig = {
  routes: [
    { path: '/api/users', service: 'http://user-service:3001' },
    { path: '/api/users/me', service: 'http://profile-service:3005', match: 'exact' },
    { path: '/api/orders', service: 'http://order-service:3002', match: 'exact' },
    { path: '/api', service: 'http://api-service:3009' },
  ],
  keys: ['abc123', 'a-key-that-is-long-enough-for-aws'],
  limit: { requests: 5, windowMs: 60_000 },
};

const text = (emit: (c: GatewayConfig) => { text: string }, config: GatewayConfig = CONFIG) =>
  emit(config).text;
const notes = (
  emit: (c: GatewayConfig) => { notExpressed: readonly string[] },
  config: GatewayConfig,
) => emit(config).notExpressed.join('\n');

describe('the registry', () => {
  it('lists each target once, each emitting a named file', () => {
    const ids = EXPORT_TARGETS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['nginx', 'kong', 'envoy', 'aws']);
    for (const target of EXPORT_TARGETS) {
      const result = target.emit(CONFIG);
      expect(result.filename).toMatch(/\.(conf|yml|yaml)$/);
      expect(result.text.length).toBeGreaterThan(200);
      expect(exportTarget(target.id)).toBe(target);
    }
    expect(exportTarget('traefik')).toBeUndefined();
  });

  it('every target refuses an unusable config with the field named', () => {
    for (const target of EXPORT_TARGETS) {
      expect(() => target.emit({ ...CONFIG, limit: { requests: 5, windowMs: -1 } })).toThrow(
        /limit.windowMs/,
      );
    }
  });
});

describe('Kong export', () => {
  it('is declarative config 3.0 with services, routes that keep the path, and consumers', () => {
    const kong = text(emitKong);
    expect(kong).toContain('_format_version: "3.0"');
    expect(kong).toMatch(
      /- name: user-service\n {2}url: http:\/\/user-service:3001\n {2}routes:\n {2}- name: route-1\n {4}paths:\n {4}- "~\/api\/users\$"\n {4}- \/api\/users\/\n {4}strip_path: false/,
    );
    expect(kong).toMatch(/paths:\n {4}- "~\/api\/users\/me\$"/);
    expect(kong).toMatch(/- username: key-1\n {2}keyauth_credentials:\n {2}- key: abc123/);
    expect(kong).toMatch(/- name: key-auth\n {2}config:\n {4}key_names:\n {4}- x-api-key/);
    expect(kong).toMatch(
      /- name: rate-limiting\n {2}config:\n {4}minute: 5\n {4}limit_by: consumer\n {4}policy: local/,
    );
    expect(kong).not.toContain('proxy-cache');
    expect(kong).not.toContain('upstreams:');
  });

  it('escapes regex characters in a path, and leaves the bare regex to an exact route of the same path', () => {
    const kong = text(emitKong, {
      ...CONFIG,
      routes: [
        { path: '/v1.0/a', service: 'x' },
        { path: '/v1.0/a', service: 'y', match: 'exact' },
      ],
    });
    expect(kong).toContain('- "~/v1\\\\.0/a$"');
    expect(kong.match(/~\/v1\\\\.0\/a\$/g)).toHaveLength(1);
    expect(kong).toMatch(
      /- name: x\n {2}url: http:\/\/x:80\n {2}routes:\n {2}- name: route-1\n {4}paths:\n {4}- \/v1\.0\/a\//,
    );
  });

  it('balances instances through an upstream with targets, and caches with proxy-cache', () => {
    const kong = text(emitKong, {
      ...CONFIG,
      cache: { ttlMs: 30_000 },
      instances: { 'http://user-service:3001': 2 },
    });
    expect(kong).toMatch(
      /- name: user-service\n {2}protocol: http\n {2}host: user-service.upstream\n {2}port: 3001/,
    );
    expect(kong).toMatch(
      /upstreams:\n- name: user-service.upstream\n {2}targets:\n {2}- target: user-service-1:3001\n {4}weight: 100\n {2}- target: user-service-2:3001/,
    );
    expect(kong).toMatch(
      /- name: proxy-cache\n {2}config:\n {4}strategy: memory\n {4}cache_ttl: 30\n {4}request_method:\n {4}- GET\n {4}- HEAD/,
    );
  });

  it('says what Kong cannot: burst, delay, odd windows, the router first', () => {
    const said = notes(emitKong, {
      ...CONFIG,
      limit: { requests: 5, windowMs: 10_000, burst: 2, nodelay: false },
    });
    expect(said).toMatch(/5 per 10000 ms is exported as 30 per minute/);
    expect(said).toMatch(/no burst: limit.burst \(2\)/);
    expect(said).toMatch(/never queues/);
    expect(said).toMatch(/router before key-auth/);
    expect(said).toMatch(/fixed windows on calendar boundaries/);
  });

  it.each([
    [5, 1000, 'second', 5],
    [5, 60_000, 'minute', 5],
    [100, 3_600_000, 'hour', 100],
    [5, 10_000, 'minute', 30],
    [7, 90_000, 'hour', 280],
    [1, 172_800_000, 'day', 1],
  ])('%i per %i ms is %s: %i', (requests, windowMs, period, limit) => {
    expect(kongRateLimit(requests, windowMs)).toMatchObject({ period, limit });
  });
});

describe('Envoy export', () => {
  it('orders routes so the first match is the playground’s: exact, then longest prefix', () => {
    const order = envoyRouteOrder(resolveConfig(CONFIG).routes).map((r) => r.path);
    expect(order).toEqual(['/api/users/me', '/api/orders', '/api/users', '/api']);
    const envoy = text(emitEnvoy);
    const at = (s: string) => envoy.indexOf(s);
    expect(at('path: /api/users/me')).toBeLessThan(at('path: /api/orders'));
    expect(at('path: /api/orders')).toBeLessThan(at('path_separated_prefix: /api/users'));
    expect(at('path_separated_prefix: /api/users')).toBeLessThan(
      at('path_separated_prefix: /api\n'),
    );
  });

  it('authenticates with api_key_auth, limits per key with local rate limit descriptors, then routes', () => {
    const envoy = text(emitEnvoy);
    const filters = [...envoy.matchAll(/- name: (envoy\.filters\.http\.[a-z_]+)/g)].map(
      (m) => m[1],
    );
    expect(filters).toEqual([
      'envoy.filters.http.api_key_auth',
      'envoy.filters.http.local_ratelimit',
      'envoy.filters.http.router',
    ]);
    expect(envoy).toMatch(/credentials:\n\s+- key: abc123\n\s+client: key-1/);
    expect(envoy).toMatch(/key_sources:\n\s+- header: x-api-key/);
    expect(envoy).toMatch(
      /request_headers:\n\s+header_name: x-api-key\n\s+descriptor_key: api_key/,
    );
    expect(envoy).toMatch(
      /- entries:\n\s+- key: api_key\n\s+value: abc123\n\s+token_bucket:\n\s+max_tokens: 5\n\s+tokens_per_fill: 5\n\s+fill_interval: "60s"/,
    );
    expect(envoy).toContain('always_consume_default_token_bucket: false');
    expect(envoy).toMatch(
      /filter_enforced:\n\s+runtime_key: local_rate_limit_enforced\n\s+default_value:\n\s+numerator: 100/,
    );
  });

  it('has a cluster per service with an endpoint per instance', () => {
    const envoy = text(emitEnvoy, { ...CONFIG, instances: { 'http://user-service:3001': 2 } });
    expect(envoy).toMatch(
      /cluster_name: user-service\n\s+endpoints:\n\s+- lb_endpoints:\n\s+- endpoint:\n\s+address:\n\s+socket_address:\n\s+address: user-service-1\n\s+port_value: 3001\n\s+- endpoint:\n\s+address:\n\s+socket_address:\n\s+address: user-service-2/,
    );
  });

  it('makes max_tokens the burst and says what Envoy cannot', () => {
    expect(
      text(emitEnvoy, { ...CONFIG, limit: { requests: 10, windowMs: 1000, burst: 20 } }),
    ).toMatch(/max_tokens: 20\n\s+tokens_per_fill: 10\n\s+fill_interval: "1s"/);
    expect(text(emitEnvoy, { ...CONFIG, limit: { requests: 1, windowMs: 20 } })).toMatch(
      /tokens_per_fill: 3\n\s+fill_interval: "0.06s"/,
    );
    const said = notes(emitEnvoy, {
      ...CONFIG,
      cache: { ttlMs: 1000 },
      limit: { requests: 5, windowMs: 1000, burst: 0, nodelay: false },
    });
    expect(said).toMatch(/cache \(1000 ms\) is not exported/);
    expect(said).toMatch(/burst of 0 is exported as 1/);
    expect(said).toMatch(/never queues/);
    expect(said).toMatch(/per Envoy process/);
  });
});

describe('AWS export', () => {
  it('is OpenAPI 3 with the key source, an api_key scheme, and every method requiring it', () => {
    const aws = text(emitAws);
    expect(aws).toContain('openapi: "3.0.1"');
    expect(aws).toContain('x-amazon-apigateway-api-key-source: HEADER');
    expect(aws).toMatch(
      /securitySchemes:\n\s+api_key:\n\s+type: apiKey\n\s+name: x-api-key\n\s+in: header/,
    );
    const methods = aws.match(/x-amazon-apigateway-any-method:/g) ?? [];
    expect((aws.match(/security:\n\s+- api_key: \[\]/g) ?? []).length).toBe(methods.length);
  });

  it('writes a prefix as the resource plus a greedy {proxy+}, an exact route as its resource', () => {
    const aws = text(emitAws);
    expect(aws).toMatch(
      / {2}\/api\/users:\n\s+x-amazon-apigateway-any-method:\n(?:.*\n)*?\s+uri: http:\/\/user-service:3001\/api\/users\n/,
    );
    expect(aws).toMatch(
      /"\/api\/users\/\{proxy\+\}":\n(?:.*\n)*?\s+uri: "http:\/\/user-service:3001\/api\/users\/\{proxy\}"\n\s+requestParameters:\n\s+integration.request.path.proxy: method.request.path.proxy/,
    );
    expect(aws).toMatch(
      / {2}\/api\/users\/me:\n(?:.*\n)*?\s+uri: http:\/\/profile-service:3005\/api\/users\/me\n/,
    );
    expect(aws).not.toContain('/api/orders/{proxy+}');
    expect(aws).toMatch(/type: http_proxy\n\s+httpMethod: ANY/);
  });

  it('gives the usage plan, keys and cache as CLI commands, and says why', () => {
    const result = emitAws({
      ...CONFIG,
      limit: { requests: 10, windowMs: 1000, burst: 20 },
      cache: { ttlMs: 7_200_000 },
    });
    expect(result.text).toContain(
      '# aws apigateway create-usage-plan --name gateway-playground --throttle burstLimit=20,rateLimit=10 ',
    );
    expect(result.text).toContain("--value 'abc123' --enabled");
    expect(result.text).toContain('path=/*/*/caching/ttlInSeconds,value=3600');
    const said = result.notExpressed.join('\n');
    expect(said).toMatch(/not part of OpenAPI/);
    expect(said).toMatch(/"abc123" will be refused/);
    expect(said).not.toMatch(/a-key-that-is-long-enough-for-aws/);
    expect(said).toMatch(/at most 3600 s/);
    expect(said).toMatch(/403/);
  });

  it('says instances and {…} paths cannot be expressed', () => {
    const said = notes(emitAws, {
      ...CONFIG,
      routes: [...CONFIG.routes, { path: '/api/{id}', service: 'x' }],
      instances: { 'http://user-service:3001': 3 },
    });
    expect(said).toMatch(/3 instances of http:\/\/user-service:3001 are not exported/);
    expect(said).toMatch(/\/api\/\{id\} is not exported/);
  });
});

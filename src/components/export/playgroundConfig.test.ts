import { describe, expect, it } from 'vitest';
import { Gateway } from '../../engine';
import { EXPORT_TARGETS } from '../../engine/export';
import { playgroundConfig } from './playgroundConfig';

describe('playgroundConfig', () => {
  it('exports what the playground runs: routes, keys, limit, cache and instances', () => {
    const gateway = new Gateway(
      { maxRequests: 7, windowMs: 30_000, registeredKeys: ['k1', 'k2'] },
      [
        { path: '/api/users', serviceUrl: 'http://user-service:3001', match: 'prefix' },
        { path: '/api/orders', serviceUrl: 'http://order-service:3002', match: 'exact' },
      ],
    );
    gateway.configurePipeline({ cache: { ttlMs: 5_000 } });
    gateway.upstreams.configureService('user-service', { instances: 3 });
    const config = playgroundConfig(gateway);
    expect(config).toEqual({
      routes: [
        { path: '/api/users', service: 'http://user-service:3001', match: 'prefix' },
        { path: '/api/orders', service: 'http://order-service:3002', match: 'exact' },
      ],
      keys: ['k1', 'k2'],
      limit: { requests: 7, windowMs: 30_000 },
      cache: { ttlMs: 5_000 },
      instances: { 'http://user-service:3001': 3 },
    });
    const nginx = EXPORT_TARGETS.find((t) => t.id === 'nginx');
    const text = nginx?.emit(config).text ?? '';
    expect(text).toContain('limit_req_zone');
    expect(text.match(/server user-service/g)?.length).toBe(3);
  });

  it('leaves the cache and instances out when the pipeline has neither', () => {
    const config = playgroundConfig(new Gateway({}, []));
    expect(config.cache).toBeUndefined();
    expect(config.instances).toBeUndefined();
  });
});

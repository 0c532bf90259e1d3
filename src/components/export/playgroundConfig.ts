import { serviceName, type Gateway } from '../../engine';
import type { GatewayConfig } from '../../engine/export';

/**
 * The playground's gateway as the plain config an export reads: its routes, registered keys,
 * limit, cache (when the pipeline has one) and instances per service. Read from the gateway itself,
 * so what is exported is what the playground runs.
 */
export function playgroundConfig(gateway: Gateway): GatewayConfig {
  const settings = gateway.getSettings();
  const routes = gateway.getRoutes();
  const instances: Record<string, number> = {};
  for (const route of routes) {
    const count = gateway.upstreams.instanceCount(serviceName(route.serviceUrl));
    if (count > 1) instances[route.serviceUrl] = count;
  }
  const cache = gateway.getPipeline().cache;
  return {
    routes: routes.map((route) => ({
      path: route.path,
      service: route.serviceUrl,
      match: route.match,
    })),
    keys: settings.registeredKeys,
    limit: {
      requests: settings.maxRequests,
      windowMs: settings.windowMs,
      ...(settings.burst === undefined ? {} : { burst: settings.burst }),
      ...(settings.nodelay === undefined ? {} : { nodelay: settings.nodelay }),
    },
    ...(cache === null || cache === undefined ? {} : { cache: { ttlMs: cache.ttlMs } }),
    ...(Object.keys(instances).length === 0 ? {} : { instances }),
  };
}

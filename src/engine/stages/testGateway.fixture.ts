import { Gateway, type GatewaySettings, type PipelineOptions } from '../gateway';
import type { Route } from '../routing';

export const KEY = 'abc123';
export const USERS: Route = {
  path: '/api/users',
  serviceUrl: 'http://user-service:3001',
  match: 'prefix',
};
export const ORDERS: Route = {
  path: '/api/orders',
  serviceUrl: 'http://order-service:3002',
  match: 'prefix',
};

/** A lesson gateway with the two lesson routes, a generous limit, and `pipeline` switched on. */
export function gatewayWith(
  pipeline: PipelineOptions,
  settings: Partial<GatewaySettings> = {},
): Gateway {
  const gateway = new Gateway({ maxRequests: 1000, ...settings }, [USERS, ORDERS]);
  gateway.configurePipeline(pipeline);
  return gateway;
}

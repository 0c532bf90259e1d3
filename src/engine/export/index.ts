import { AWS_TARGET } from './aws';
import { ENVOY_TARGET } from './envoy';
import { KONG_TARGET } from './kong';
import { NGINX_TARGET } from './nginx';
import type { ExportTarget } from './types';

export type { ExportResult, ExportTarget, GatewayConfig } from './types';
export { API_KEY_HEADER } from './types';
export { planNginx, type NginxPlan } from './nginx';

/** Every gateway the playground exports to, in the order the page offers them. */
export const EXPORT_TARGETS: readonly ExportTarget[] = [
  NGINX_TARGET,
  KONG_TARGET,
  ENVOY_TARGET,
  AWS_TARGET,
];

/** The target with this id, or undefined. */
export function exportTarget(id: string): ExportTarget | undefined {
  return EXPORT_TARGETS.find((target) => target.id === id);
}

import { BALANCING_ALGORITHMS, type HealthOptions, type TransformOptions } from '../engine';
import type { PipelineConfig } from '../store/pipeline';
import { ScenarioError } from './scenarioError';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(what: string): never {
  throw new ScenarioError(what);
}

function flag(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') fail(`the pipeline's ${what} is neither on nor off`);
  return value;
}

function num(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(`the pipeline's ${what} is not a number`);
  return value;
}

function readTransform(value: unknown): TransformOptions | null {
  if (value === null) return null;
  if (!isRecord(value)) fail("the pipeline's transformation is malformed");
  return {
    stripPrefix: flag(value.stripPrefix, 'prefix stripping'),
    addConsumer: flag(value.addConsumer, 'consumer header'),
    removeKey: flag(value.removeKey, 'key removal'),
  };
}

function readBalancer(value: unknown): HealthOptions | null {
  if (value === null) return null;
  if (!isRecord(value)) fail("the pipeline's load balancing is malformed");
  const algorithm = BALANCING_ALGORITHMS.find((a) => a.name === value.algorithm)?.name;
  if (algorithm === undefined) fail("the pipeline's balancing algorithm is unknown");
  return {
    algorithm,
    failures: num(value.failures, 'failure threshold'),
    cooldownMs: num(value.cooldownMs, 'cool-down'),
  };
}

/** Each service's own instance count (links made before there were any carry none). */
function readServiceInstances(value: unknown): Record<string, number> {
  if (!isRecord(value)) fail("the pipeline's instances per service are malformed");
  const entries = Object.entries(value);
  if (entries.length > 20) fail('the pipeline names too many services');
  return Object.fromEntries(
    entries.map(([service, count]) => {
      if (service.length > 100) fail('the pipeline names a service with too long a name');
      return [service, num(count, `instance count of ${service}`)];
    }),
  );
}

/**
 * The optional stages as a link carries them, field by field; the values are checked again by
 * the engine when the scenario is applied.
 */
export function readPipeline(value: unknown): PipelineConfig {
  if (!isRecord(value)) fail('the pipeline is malformed');
  const { cache } = value;
  if (cache !== null && !isRecord(cache)) fail("the pipeline's cache is malformed");
  return {
    requestId: flag(value.requestId, 'request id'),
    normalise: flag(value.normalise, 'path normalisation'),
    cache: cache === null ? null : { ttlMs: num(cache.ttlMs, 'cache TTL') },
    transform: readTransform(value.transform),
    balancer: readBalancer(value.balancer),
    accessLog: flag(value.accessLog, 'access log'),
    instances: num(value.instances, 'instance count'),
    ...(value.serviceInstances === undefined
      ? {}
      : { serviceInstances: readServiceInstances(value.serviceInstances) }),
  };
}

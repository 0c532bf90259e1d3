import {
  DEFAULT_HEALTH,
  DEFAULT_TRANSFORM,
  SettingError,
  instanceName,
  type CacheOptions,
  Gateway,
  type HealthOptions,
  type PipelineOptions,
  type TransformOptions,
} from '../engine';
import { SERVICES } from '../content/services';

/**
 * The playground's optional stages as plain data: what the Pipeline panel edits, what rewind
 * records and what a shared link carries. The engine's own options plus how many instances each
 * service runs while load balancing is on (one otherwise, as today).
 */
export interface PipelineConfig {
  readonly requestId: boolean;
  readonly normalise: boolean;
  readonly cache: CacheOptions | null;
  readonly transform: TransformOptions | null;
  readonly balancer: HealthOptions | null;
  readonly accessLog: boolean;
  /** Instances of every service while load balancing is on. */
  readonly instances: number;
}

/** Every optional stage off: the lesson's three stages only. */
export const PIPELINE_OFF: PipelineConfig = {
  requestId: false,
  normalise: false,
  cache: null,
  transform: null,
  balancer: null,
  accessLog: false,
  instances: 1,
};

/** The values a stage gets when the panel turns it on. */
export const PIPELINE_DEFAULTS = {
  cache: { ttlMs: 30_000 } satisfies CacheOptions,
  transform: DEFAULT_TRANSFORM,
  balancer: DEFAULT_HEALTH,
  instances: 3,
} as const;

/** The most instances a service may run in the playground: the graph draws each one. */
export const MAX_INSTANCES = 5;

/** Checks a config without touching any gateway; the problem names the field it is about. */
export function pipelineProblem(config: PipelineConfig): SettingError | null {
  const { instances } = config;
  if (!Number.isInteger(instances) || instances < 1 || instances > MAX_INSTANCES)
    return new SettingError(
      'instances',
      `must be a whole number from 1 to ${MAX_INSTANCES}, got ${instances}`,
    );
  // The engine checks its own options, on a spare gateway so nothing of the playground changes.
  try {
    new Gateway().configurePipeline(engineOptions(config));
  } catch (error) {
    if (error instanceof SettingError) return error;
    throw error;
  }
  return null;
}

function engineOptions(config: PipelineConfig): PipelineOptions {
  const { requestId, normalise, cache, transform, balancer, accessLog } = config;
  return { requestId, normalise, cache, transform, balancer, accessLog };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Puts `config` on `gateway`. Stages whose options did not change keep their state (the engine
 * keeps a stage given the very same options object, so unchanged options are passed as they were).
 * Throws a SettingError, changing nothing, for an unusable parameter.
 */
export function applyPipeline(gateway: Gateway, config: PipelineConfig): void {
  const problem = pipelineProblem(config);
  if (problem !== null) throw problem;
  const now = gateway.getPipeline();
  const keep = <T>(next: T, current: T | undefined): T =>
    current !== undefined && sameJson(next, current) ? current : next;
  const options: PipelineOptions = {
    ...engineOptions(config),
    cache: keep(config.cache, now.cache),
    transform: keep(config.transform, now.transform),
    balancer: keep(config.balancer, now.balancer),
  };
  gateway.configurePipeline(options);
  const instances = config.balancer === null ? 1 : config.instances;
  for (const service of SERVICES) gateway.upstreams.configureService(service.id, { instances });
}

/** The config a gateway runs now (the inverse of applyPipeline). */
export function pipelineOf(gateway: Gateway): PipelineConfig {
  const options = gateway.getPipeline();
  const balancer = options.balancer ?? null;
  const first = SERVICES[0];
  return {
    requestId: options.requestId === true,
    normalise: options.normalise === true,
    cache: options.cache ?? null,
    transform: options.transform ?? null,
    balancer,
    accessLog: options.accessLog === true,
    instances:
      balancer === null || first === undefined
        ? PIPELINE_OFF.instances
        : gateway.upstreams.instanceCount(first.id),
  };
}

/** The instances taken down by hand, by name (e.g. `user-service-2`). */
export function downInstancesOf(gateway: Gateway): readonly string[] {
  const down: string[] = [];
  for (const service of SERVICES) {
    const count = gateway.upstreams.instanceCount(service.id);
    for (let i = 0; i < count; i++)
      if (gateway.upstreams.isDown(service.id, i)) down.push(instanceName(service.id, i));
  }
  return down;
}

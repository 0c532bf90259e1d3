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
  /** Instances of every service while load balancing is on, unless `serviceInstances` names it. */
  readonly instances: number;
  /**
   * The services that run another number of instances, by service id (missing: none does). Added
   * after `instances`, so recordings and links made before it read as they did.
   */
  readonly serviceInstances?: Readonly<Record<string, number>>;
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

/** How many instances `service` runs under `config` (one while load balancing is off). */
export function instancesOf(config: PipelineConfig, service: string): number {
  if (config.balancer === null) return 1;
  return config.serviceInstances?.[service] ?? config.instances;
}

/**
 * `config` with each service running `count(service)` instances, written the one way `pipelineOf`
 * reads a gateway back: the first service's count for all, and the services that differ.
 */
export function withInstances(
  config: PipelineConfig,
  count: (service: string) => number,
): PipelineConfig {
  const stages = stagesOf(config);
  const first = SERVICES[0];
  if (stages.balancer === null || first === undefined) return { ...stages, instances: 1 };
  const instances = count(first.id);
  const differing = SERVICES.filter((s) => count(s.id) !== instances).map((s) => [
    s.id,
    count(s.id),
  ]);
  return differing.length === 0
    ? { ...stages, instances }
    : { ...stages, instances, serviceInstances: Object.fromEntries(differing) };
}

/** The setting name of one service's instance count, so a form can put the problem beside it. */
export const instancesSetting = (service: string): `instances:${string}` => `instances:${service}`;

function instanceCountProblem(setting: string, count: number): SettingError | null {
  return Number.isInteger(count) && count >= 1 && count <= MAX_INSTANCES
    ? null
    : new SettingError(setting, `must be a whole number from 1 to ${MAX_INSTANCES}, got ${count}`);
}

/** Checks a config without touching any gateway; the problem names the field it is about. */
export function pipelineProblem(config: PipelineConfig): SettingError | null {
  const problem = instanceCountProblem('instances', config.instances);
  if (problem !== null) return problem;
  for (const [service, count] of Object.entries(config.serviceInstances ?? {})) {
    if (!SERVICES.some((s) => s.id === service))
      return new SettingError('instances', `no service is called "${service}"`);
    const own = instanceCountProblem(instancesSetting(service), count);
    if (own !== null) return own;
  }
  // The engine checks its own options, on a spare gateway so nothing of the playground changes.
  try {
    new Gateway().configurePipeline(engineOptions(config));
  } catch (error) {
    if (error instanceof SettingError) return error;
    throw error;
  }
  return null;
}

/** The optional stages of a config, without its instances: the engine's own options. */
function stagesOf(config: PipelineConfig): Omit<PipelineConfig, 'instances' | 'serviceInstances'> {
  const { requestId, normalise, cache, transform, balancer, accessLog } = config;
  return { requestId, normalise, cache, transform, balancer, accessLog };
}

function engineOptions(config: PipelineConfig): PipelineOptions {
  return stagesOf(config);
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
  for (const service of SERVICES)
    gateway.upstreams.configureService(service.id, { instances: instancesOf(config, service.id) });
}

/** The config a gateway runs now (the inverse of applyPipeline). */
export function pipelineOf(gateway: Gateway): PipelineConfig {
  const options = gateway.getPipeline();
  const config: PipelineConfig = {
    requestId: options.requestId === true,
    normalise: options.normalise === true,
    cache: options.cache ?? null,
    transform: options.transform ?? null,
    balancer: options.balancer ?? null,
    accessLog: options.accessLog === true,
    instances: PIPELINE_OFF.instances,
  };
  return withInstances(config, (service) => gateway.upstreams.instanceCount(service));
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

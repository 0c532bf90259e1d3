import { BALANCING_ALGORITHMS, type BalancingAlgorithm } from '../../engine';
import { SERVICES } from '../../content/services';
import {
  instancesOf,
  instancesSetting,
  MAX_INSTANCES,
  PIPELINE_DEFAULTS,
  withInstances,
  type PipelineConfig,
} from '../../store/pipeline';
import { parseWhole } from './trafficForm';

/** The Pipeline panel as typed: switches, and numbers as text until Apply parses them. */
export interface PipelineDraft {
  readonly requestId: boolean;
  readonly normalise: boolean;
  readonly cacheOn: boolean;
  readonly ttlMs: string;
  readonly transformOn: boolean;
  readonly stripPrefix: boolean;
  readonly addConsumer: boolean;
  readonly removeKey: boolean;
  readonly balancerOn: boolean;
  /** Each service's instance count as typed, by service id. */
  readonly instances: Readonly<Record<string, string>>;
  readonly algorithm: string;
  readonly failures: string;
  readonly cooldownMs: string;
  readonly accessLog: boolean;
}

/** A field of the panel: a stage's parameter, or one service's instance count (`instancesSetting`). */
export type PipelineField =
  'ttlMs' | 'algorithm' | 'failures' | 'cooldownMs' | 'instances' | `instances:${string}`;
export type PipelineProblems = Partial<Record<PipelineField, string>>;

/** The longest TTL or cool-down the panel takes: one hour, plenty for a lesson. */
export const MAX_PIPELINE_MS = 3_600_000;

/** The draft of a config: stages that are off show the values they would get when turned on. */
export function draftOf(config: PipelineConfig): PipelineDraft {
  const cache = config.cache ?? PIPELINE_DEFAULTS.cache;
  const transform = config.transform ?? PIPELINE_DEFAULTS.transform;
  const balancer = config.balancer ?? PIPELINE_DEFAULTS.balancer;
  return {
    requestId: config.requestId,
    normalise: config.normalise,
    cacheOn: config.cache !== null,
    ttlMs: String(cache.ttlMs),
    transformOn: config.transform !== null,
    ...transform,
    balancerOn: config.balancer !== null,
    instances: Object.fromEntries(
      SERVICES.map((service) => [
        service.id,
        String(
          config.balancer === null ? PIPELINE_DEFAULTS.instances : instancesOf(config, service.id),
        ),
      ]),
    ),
    algorithm: balancer.algorithm,
    failures: String(balancer.failures),
    cooldownMs: String(balancer.cooldownMs),
    accessLog: config.accessLog,
  };
}

const ms = { value: MAX_PIPELINE_MS, unit: ' ms (one hour)' };

/**
 * Reads the draft: the config, or a message per field. Only the fields of stages that are on are
 * checked, so a half-typed number in a stage that is off does not block the others.
 */
export function parsePipelineDraft(
  draft: PipelineDraft,
): { ok: true; config: PipelineConfig } | { ok: false; problems: PipelineProblems } {
  const problems: PipelineProblems = {};
  let ttlMs = 0;
  if (draft.cacheOn) {
    const ttl = parseWhole(draft.ttlMs, 'TTL', 1, ms);
    if (ttl.ok) ttlMs = ttl.value;
    else problems.ttlMs = ttl.message;
  }
  const instances = new Map<string, number>();
  let failures = 1;
  let cooldownMs = 1;
  let algorithm: BalancingAlgorithm = PIPELINE_DEFAULTS.balancer.algorithm;
  if (draft.balancerOn) {
    for (const service of SERVICES) {
      const typed = draft.instances[service.id] ?? '';
      const count = parseWhole(typed, `${service.label} instances`, 1, {
        value: MAX_INSTANCES,
        unit: '',
      });
      if (count.ok) instances.set(service.id, count.value);
      else problems[instancesSetting(service.id)] = count.message;
    }
    const k = parseWhole(draft.failures, 'Failures before ejection', 1, { value: 100, unit: '' });
    const cooldown = parseWhole(draft.cooldownMs, 'Cool-down', 1, ms);
    const known = BALANCING_ALGORITHMS.find((a) => a.name === draft.algorithm);
    if (k.ok) failures = k.value;
    else problems.failures = k.message;
    if (cooldown.ok) cooldownMs = cooldown.value;
    else problems.cooldownMs = cooldown.message;
    if (known !== undefined) algorithm = known.name;
    else problems.algorithm = `Unknown algorithm "${draft.algorithm}".`;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const { stripPrefix, addConsumer, removeKey } = draft;
  const config: PipelineConfig = {
    requestId: draft.requestId,
    normalise: draft.normalise,
    cache: draft.cacheOn ? { ttlMs } : null,
    transform: draft.transformOn ? { stripPrefix, addConsumer, removeKey } : null,
    balancer: draft.balancerOn ? { algorithm, failures, cooldownMs } : null,
    accessLog: draft.accessLog,
    instances: 1,
  };
  return { ok: true, config: withInstances(config, (service) => instances.get(service) ?? 1) };
}

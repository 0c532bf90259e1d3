import { BALANCING_ALGORITHMS, type StageName } from '../../engine';
import type { PipelineConfig } from '../../store/pipeline';

/** One short line under each optional stage's label: its parameters as the learner set them. */
export function stageDetails(pipeline: PipelineConfig): Record<StageName, string> {
  const details: Record<StageName, string> = {
    'request-id': 'an id in and out',
    normalise: 'decode, merge //, resolve ..',
    'access-log': 'one line per request',
  };
  if (pipeline.cache !== null) details.cache = `GET/HEAD, TTL ${pipeline.cache.ttlMs / 1000} s`;
  if (pipeline.transform !== null) {
    const { stripPrefix, addConsumer, removeKey } = pipeline.transform;
    const parts = [
      stripPrefix ? 'strip prefix' : null,
      addConsumer ? 'add consumer' : null,
      removeKey ? 'drop key' : null,
    ].filter((part) => part !== null);
    details.transform = parts.length === 0 ? 'passes as is' : parts.join(', ');
  }
  if (pipeline.balancer !== null) {
    const { algorithm, failures, cooldownMs } = pipeline.balancer;
    const label = BALANCING_ALGORITHMS.find((a) => a.name === algorithm)?.label ?? algorithm;
    details.balancer = `${label}, eject after ${failures}, ${cooldownMs / 1000} s`;
  }
  return details;
}

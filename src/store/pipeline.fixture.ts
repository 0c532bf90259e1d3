import { PIPELINE_DEFAULTS, PIPELINE_OFF, type PipelineConfig } from './pipeline';

/** Every optional stage on, three instances of each service: what tests of the whole pipeline use. */
export const EVERY_STAGE: PipelineConfig = {
  requestId: true,
  normalise: true,
  cache: PIPELINE_DEFAULTS.cache,
  transform: PIPELINE_DEFAULTS.transform,
  balancer: PIPELINE_DEFAULTS.balancer,
  accessLog: true,
  instances: 3,
};

/** Load balancing only, three instances of each service. */
export const BALANCED: PipelineConfig = {
  ...PIPELINE_OFF,
  balancer: PIPELINE_DEFAULTS.balancer,
  instances: 3,
};

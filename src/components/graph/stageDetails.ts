import { ALGORITHMS, BALANCING_ALGORITHMS, type StageName } from '../../engine';
import { routesSummary } from '../../content/routesSummary';
import type { AppState } from '../../store';
import { limiterLimits } from '../../store/challengeSlice';
import type { PipelineConfig } from '../../store/pipeline';
import { PREPARER_NAME as ROUTE_LOOKUP_PREPARER } from '../exercises/routeLookupPreparer';

/** One short line under each optional stage's label: its parameters as the learner set them. */
export function optionalStageDetails(pipeline: PipelineConfig): Record<StageName, string> {
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

/** What the stage details read from the store. */
export type StageDetailsInput = Pick<
  AppState,
  'pipeline' | 'settings' | 'routes' | 'learnerLimiter' | 'preparers'
>;

/**
 * Every stage's settings in a few words, as the gateway node shows them under the labels and
 * the stage explanations repeat them. Learner code can stand in for a stage (the challenge's
 * limiter, experiment 4's lookup): the details say so.
 */
export function stageDetails(state: StageDetailsInput): Record<StageName, string> {
  const { settings, routes } = state;
  const limits = limiterLimits(state);
  const algorithm =
    ALGORITHMS.find((a) => a.name === settings.algorithm)?.label ?? settings.algorithm;
  const learnerLookup = state.preparers.has(ROUTE_LOOKUP_PREPARER);
  return {
    ...optionalStageDetails(state.pipeline),
    auth: settings.keyMode === 'registered' ? 'registered keys' : 'any key',
    'rate-limit': `${limits.maxRequests} per ${limits.windowMs / 1000} s, ${state.learnerLimiter.active ? 'your RateLimiter' : algorithm}`,
    router: learnerLookup ? `${routes.length} routes, your findRoute` : routesSummary(routes),
  };
}

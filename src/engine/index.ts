/** The gateway engine: pure TypeScript, no DOM, no wall clock, no Math.random. */
export { APIGateway, type GatewayResponse } from './apiGateway';
export { checkApiKey, type AuthVerdict, type KeyMode } from './auth';
export { SettingError } from './errors';
export {
  DEFAULT_SETTINGS,
  Gateway,
  MESSAGES,
  authStage,
  limiterKey,
  rateLimitStage,
  routerStage,
  runPipeline,
  toRetryAfterSeconds,
  type GatewayDecision,
  type GatewayRequest,
  type GatewaySettings,
  type GatewayStage,
  type HttpStatus,
  type StageContext,
  type StageName,
  type StageOutcome,
  type StageRecord,
} from './gateway';
export {
  ALGORITHMS,
  FixedWindowLimiter,
  LeakyBucketLimiter,
  SlidingWindowCounterLimiter,
  SlidingWindowLimiter,
  TokenBucketLimiter,
  createLimiter,
  isAlgorithmName,
  slidingLogSnapshot,
  type AlgorithmName,
  type LimiterSnapshot,
  type LimiterSpec,
  type RateLimitAlgorithm,
} from './limiters';
export { createRandom, type Random } from './random';
export {
  matchRoute,
  pathOnly,
  routeMatches,
  routePathProblem,
  serviceName,
  type MatchKind,
  type Route,
  type RouteLookup,
} from './routing';
export {
  DEFAULT_TIMING,
  Simulation,
  mergeEvents,
  simulate,
  type RequestTrace,
  type SimEvent,
  type Timing,
} from './simulation';
export {
  MAX_TRAFFIC,
  burst,
  mix,
  poisson,
  spread,
  type RequestTemplate,
  type TrafficRequest,
} from './traffic';
export { EXPORT_TARGETS, exportTarget, type ExportResult, type ExportTarget } from './export';

/** The gateway engine: pure TypeScript, no DOM, no wall clock, no Math.random. */
export { APIGateway, type GatewayResponse } from './apiGateway';
export { checkApiKey, type AuthVerdict, type KeyMode } from './auth';
export { MAX_WINDOW_MS, SettingError } from './errors';
export {
  createGateway,
  type GatewayConfig,
  type PlainGateway,
  type PlainRequest,
  type PlainResponse,
} from './createGateway';
export {
  ACCESS_LOG_LIMIT,
  DEFAULT_SETTINGS,
  Gateway,
  type GatewaySettings,
  type PipelineOptions,
} from './gateway';
export { dryRun, type Arrival, type StageCall } from './pipeline/dryRun';
export { runPipeline, type GatewayDecision, type RunOptions } from './pipeline/runner';
export {
  afterResponse,
  type AfterResponse,
  type ForwardedRequest,
  type GatewayRequest,
  type GatewayResponseDraft,
  type GatewayStage,
  type HttpStatus,
  type StageContext,
  type StageInfo,
  type StageName,
  type StageOutcome,
  type StageRecord,
  type UpstreamExchange,
  type UpstreamOutcome,
  type Verdict,
} from './pipeline/types';
export {
  LESSON_PROFILE,
  MESSAGES,
  PROFILES,
  PROFILE_NAMES,
  differencesFromLesson,
  isProfileName,
  policyWindowSeconds,
  toRetryAfterSeconds,
  type GatewayProfile,
  type ProfileDifference,
  type ProfileName,
  type RateLimitReport,
  type Refusal,
} from './profiles';
export { AccessLog, accessLogStage, toNdjson, type AccessLogRecord } from './stages/accessLog';
export { authStage } from './stages/auth';
export { balancerStage } from './stages/balancer';
export {
  cacheKey,
  cacheStage,
  isCacheable,
  type CacheEntry,
  type CacheOptions,
} from './stages/cache';
export { normalisePath, normaliseStage } from './stages/normalise';
export { limiterKey, rateLimitStage } from './stages/rateLimit';
export { requestIdStage } from './stages/requestId';
export { routerStage } from './stages/router';
export {
  DEFAULT_TRANSFORM,
  consumerId,
  stripRoutePrefix,
  transformStage,
  type TransformOptions,
} from './stages/transform';
export {
  BALANCING_ALGORITHMS,
  DEFAULT_HEALTH,
  HealthBook,
  type BalancingAlgorithm,
  type CircuitState,
  type HealthOptions,
  type InstanceState,
  type Pick,
} from './upstream/health';
export {
  DEFAULT_TIMEOUT_MS,
  Upstreams,
  instanceName,
  type FaultWindow,
  type ServiceSpec,
  type Transit,
} from './upstream/upstreams';
export {
  ALGORITHMS,
  FixedWindowLimiter,
  GcraLimiter,
  LeakyBucketLimiter,
  SlidingWindowCounterLimiter,
  SlidingWindowLimiter,
  TokenBucketLimiter,
  createLimiter,
  isAlgorithmName,
  slidingLogSnapshot,
  type AlgorithmName,
  type GaugedLimiter,
  type LimiterGauge,
  type LimiterQuota,
  type LimiterSnapshot,
  type LimiterSpec,
  type RateLimitAlgorithm,
} from './limiters';
export {
  BYTES_PER_NUMBER,
  LAB_PATTERNS,
  drawnTrace,
  formatDuration,
  gaugeOf,
  labVerdict,
  makeTrace,
  mostInAnyWindow,
  runLab,
  type AlgorithmRun,
  type GaugeScale,
  type LabFigures,
  type LabLimit,
  type LabOptions,
  type LabPatternId,
  type LabRequest,
  type LabResult,
  type LabSample,
  type LabTrace,
  type OpenTrace,
  type PatternOptions,
  type RetryStormTrace,
} from './lab';
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
  MAX_REPLICAS,
  REPLICA_EXPERIMENT,
  answerReplicaQuestion,
  runScale,
  type CounterPlacement,
  type LocalCounters,
  type ReplicaAnswer,
  type ReplicaQuestion,
  type ScaleRequest,
  type ScaleResult,
  type ScaleSettings,
  type SharedCounters,
  type StoreStrategy,
  type StoreTrip,
} from './scale';
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
export {
  EXPORT_TARGETS,
  exportTarget,
  type GatewayConfig as ExportConfig,
  type ExportResult,
  type ExportTarget,
} from './export';

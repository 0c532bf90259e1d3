import { BoundedMap } from './boundedMap';
import { checkApiKey, type AuthVerdict, type KeyMode } from './auth';
import { SettingError } from './errors';
import { createLimiter, type LimiterSpec, type RateLimitAlgorithm } from './limiters';
import { dryRun, type Arrival, type StageCall } from './pipeline/dryRun';
import { runPipeline, type GatewayDecision, type RunOptions } from './pipeline/runner';
import type { GatewayRequest, GatewayStage, StageInfo, StageName } from './pipeline/types';
import { LESSON_PROFILE } from './profiles/lesson';
import type { GatewayProfile } from './profiles/types';
import { requireRoutePath, sameRoute, serviceName, type Route, type RouteLookup } from './routing';
import { AccessLog, accessLogStage, type AccessLogRecord } from './stages/accessLog';
import { authStage } from './stages/auth';
import { balancerStage } from './stages/balancer';
import { cacheStage, type CacheOptions } from './stages/cache';
import { normaliseStage } from './stages/normalise';
import { rateLimitStage } from './stages/rateLimit';
import { requestIdStage } from './stages/requestId';
import { routerStage } from './stages/router';
import { transformStage, type TransformOptions } from './stages/transform';
import { HealthBook, validateHealth, type HealthOptions } from './upstream/health';
import { Upstreams } from './upstream/upstreams';

/** The limiter's settings (LimiterSpec) plus how Auth checks keys. */
export interface GatewaySettings extends LimiterSpec {
  readonly keyMode: KeyMode;
  readonly registeredKeys: readonly string[];
}

/** The optional stages: each runs only when set here (the lesson's three always run). */
export interface PipelineOptions {
  readonly accessLog?: boolean;
  readonly requestId?: boolean;
  readonly normalise?: boolean;
  readonly cache?: CacheOptions | null;
  readonly transform?: TransformOptions | null;
  readonly balancer?: HealthOptions | null;
}

/** Every field of LimiterSpec (the Record makes the type checker insist on all of them). */
const LIMITER_FIELDS = Object.keys({
  algorithm: true,
  maxRequests: true,
  windowMs: true,
  burst: true,
  nodelay: true,
  bucketSize: true,
} satisfies Record<keyof LimiterSpec, true>) as (keyof LimiterSpec)[];

export const DEFAULT_SETTINGS: GatewaySettings = {
  maxRequests: 5,
  windowMs: 60_000,
  algorithm: 'sliding-window-log',
  keyMode: 'registered',
  registeredKeys: ['abc123'],
};

/** The access log keeps at most this many records (oldest dropped first), so memory stays bounded. */
export const ACCESS_LOG_LIMIT = 100_000;

/**
 * The gateway: a profile's ordered stages over settings, routes, a limiter and the services
 * behind it. Changing the limit settings starts the limiter afresh; routes and keys can change
 * any time; optional stages are switched with `configurePipeline`.
 */
export class Gateway {
  private currentProfile: GatewayProfile;
  /** The services behind the gateway: instances, latency, faults. */
  readonly upstreams = new Upstreams();
  private settings: GatewaySettings;
  private limiter: RateLimitAlgorithm;
  private routes: Route[] = [];
  /**
   * The profile's route for each path asked since the routes or the profile last changed: paths
   * repeat, and matching walks every route (a profile's `matchRoute` is a function of the routes
   * and the path alone). A custom lookup is never remembered: it may keep state of its own.
   */
  private readonly routeOf = new BoundedMap<string, Route | null>();
  private customLookup: RouteLookup | null = null;
  private pipeline: PipelineOptions = {};
  private built: readonly GatewayStage[];
  private info: readonly StageInfo[];
  /** The registered keys as a set, rebuilt only when the settings change. */
  private registeredKeys: ReadonlySet<string>;
  /** Stateful optional stages are kept across rebuilds so turning another stage on keeps them. */
  private kept = new Map<StageName, GatewayStage>();
  private health: HealthBook | null = null;
  private readonly log = new AccessLog(ACCESS_LOG_LIMIT);
  /** What `handle` passes to the runner: built when the profile changes, not per request. */
  private runOptions: RunOptions;

  constructor(
    settings: Partial<GatewaySettings> = {},
    routes: readonly Route[] = [],
    profile: GatewayProfile = LESSON_PROFILE,
  ) {
    this.currentProfile = profile;
    this.runOptions = { profile, upstreams: this.upstreams };
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.registeredKeys = new Set(this.settings.registeredKeys);
    this.limiter = createLimiter(this.settings);
    for (const route of routes) this.addRoute(route);
    this.built = this.buildStages();
    this.info = this.built.map(stageInfoOf);
  }

  /** The gateway whose rules apply (the lesson's unless another profile was chosen). */
  get profile(): GatewayProfile {
    return this.currentProfile;
  }

  /**
   * Switches to another gateway's rules: its stage order, matching, answers and headers, and its
   * limiter algorithm (a fresh limiter). Routes, keys, limits and optional stages are kept.
   */
  useProfile(profile: GatewayProfile): void {
    if (profile === this.currentProfile) return;
    this.currentProfile = profile;
    this.runOptions = { profile, upstreams: this.upstreams };
    this.kept.clear();
    this.health = null;
    this.configure({ algorithm: profile.limit.algorithm });
  }

  /** Sends one request through the pipeline at `atMs`. */
  handle(request: GatewayRequest, atMs: number): GatewayDecision {
    if (!Number.isFinite(atMs)) throw new SettingError('nowMs', `must be a number, got ${atMs}`);
    return runPipeline(this.built, request, atMs, this.runOptions);
  }

  /** The stages that run, in order, with their labels and descriptions: what the page draws. */
  stages(): readonly StageInfo[] {
    return this.info;
  }

  /**
   * Which of `arrivals` (in arrival order) would reach the stage `target`, and with what, if
   * sent now. Runs the stages before it on forked state: the gateway is not changed.
   */
  dryRun(arrivals: readonly Arrival[], target: StageName): StageCall[] {
    return dryRun(this.built, target, arrivals, {
      profile: this.profile,
      upstreams: this.upstreams,
    });
  }

  /** What the authentication stage says about `apiKey` with the current settings; no side effects. */
  authenticate(apiKey: string | null | undefined): AuthVerdict {
    return checkApiKey(apiKey, this.settings.keyMode, this.registeredKeys);
  }

  getSettings(): GatewaySettings {
    return this.settings;
  }

  /** Applies new settings; a new limiter (with empty state) is built only if its settings changed. */
  configure(settings: Partial<GatewaySettings>): void {
    const next = { ...this.settings, ...settings };
    const limiterChanged = LIMITER_FIELDS.some((field) => next[field] !== this.settings[field]);
    if (limiterChanged) this.limiter = createLimiter(next);
    this.settings = next;
    this.registeredKeys = new Set(next.registeredKeys);
    this.rebuild();
  }

  /**
   * Turns optional stages on or off and sets their parameters (fields left out keep their value).
   * Throws a SettingError, changing nothing, for an unusable parameter. A stage turned off and on
   * again, or given new parameters, starts empty (an empty cache, every instance healthy); one
   * given the very same options object keeps its state.
   */
  configurePipeline(options: PipelineOptions): void {
    const next: PipelineOptions = { ...this.pipeline, ...options };
    if (next.cache) cacheStage(next.cache); // validates
    if (next.balancer) validateHealth(next.balancer);
    for (const name of ['cache', 'balancer', 'request-id', 'access-log'] as const) {
      const key = optionKey(name);
      if (next[key] !== this.pipeline[key]) this.kept.delete(name);
    }
    if (next.balancer !== this.pipeline.balancer) this.health = null;
    this.pipeline = next;
    this.rebuild();
  }

  getPipeline(): PipelineOptions {
    return this.pipeline;
  }

  /** The access log so far (when that stage is on), oldest first. */
  accessLog(): readonly AccessLogRecord[] {
    return this.log.records();
  }

  /** Forgets the access log, the cache and the instances' health (not the limiter). */
  resetPipelineState(): void {
    this.log.clear();
    this.kept.clear();
    this.health = null;
    this.rebuild();
  }

  /** The balancer's health book, or null when load balancing is off. */
  getHealth(): HealthBook | null {
    return this.health;
  }

  /** Starts the built-in limiter afresh from the settings, dropping any replacement. */
  resetLimiter(): void {
    this.limiter = createLimiter(this.settings);
    this.rebuild();
  }

  /** Replaces the limiter, e.g. with one whose decisions come from learner code. */
  useLimiter(limiter: RateLimitAlgorithm): void {
    this.limiter = limiter;
    this.rebuild();
  }

  getLimiter(): RateLimitAlgorithm {
    return this.limiter;
  }

  /** Adds a route; throws a SettingError for a bad path or a path that is already routed. */
  addRoute(route: Route): void {
    requireRoutePath('path', route.path);
    if (route.serviceUrl.trim() === '') throw new SettingError('serviceUrl', 'cannot be empty');
    const existing = this.routes.find((r) => sameRoute(r, route));
    if (existing !== undefined) {
      throw new SettingError(
        'path',
        `"${route.path}" is already routed to ${serviceName(existing.serviceUrl)}; remove it first`,
      );
    }
    this.routes.push(route);
    this.routeOf.clear();
  }

  removeRoute(path: string): void {
    this.routes = this.routes.filter((r) => r.path !== path);
    this.routeOf.clear();
  }

  getRoutes(): readonly Route[] {
    return this.routes;
  }

  /** Routes with `lookup` instead of the profile's matcher; null restores the profile's. */
  useRouteLookup(lookup: RouteLookup | null): void {
    this.customLookup = lookup;
    this.rebuild();
  }

  private rebuild(): void {
    this.built = this.buildStages();
    this.info = this.built.map(stageInfoOf);
  }

  /** The profile's order, keeping the stages that are on. */
  private buildStages(): readonly GatewayStage[] {
    const profile = this.profile;
    this.routeOf.clear();
    const lookup: RouteLookup = this.customLookup ?? ((path) => this.matchRoute(profile, path));
    const stages: GatewayStage[] = [];
    for (const name of profile.order) {
      const stage = this.stageFor(name, lookup);
      if (stage !== null) stages.push(stage);
    }
    return stages;
  }

  private stageFor(name: StageName, lookup: RouteLookup): GatewayStage | null {
    const { profile, pipeline } = this;
    switch (name) {
      case 'auth':
        return authStage(this.settings.keyMode, this.registeredKeys, profile);
      case 'rate-limit':
        return rateLimitStage(this.limiter, profile);
      case 'router': {
        const redirect = profile.redirect;
        return routerStage(
          lookup,
          profile,
          redirect === undefined || this.customLookup !== null
            ? null
            : (path) => redirect(this.routes, path),
        );
      }
      case 'normalise':
        return pipeline.normalise === true || profile.required.includes(name)
          ? normaliseStage(profile)
          : null;
      case 'transform':
        return pipeline.transform ? transformStage(pipeline.transform, profile) : null;
      case 'request-id':
        return pipeline.requestId === true ? this.keep(name, () => requestIdStage(profile)) : null;
      case 'access-log':
        return pipeline.accessLog === true
          ? this.keep(name, () => accessLogStage(this.log, profile))
          : null;
      case 'cache': {
        const cache = pipeline.cache;
        return cache ? this.keep(name, () => cacheStage(cache, profile)) : null;
      }
      case 'balancer': {
        const options = pipeline.balancer;
        if (!options) return null;
        this.health ??= new HealthBook(options);
        const health = this.health;
        return this.keep(name, () => balancerStage(health, this.upstreams, profile));
      }
      default:
        throw new SettingError('profile', `stage "${name}" is not one the engine can build`);
    }
  }

  /** `profile.matchRoute` over the routes, remembered by path (see `routeOf`). */
  private matchRoute(profile: GatewayProfile, path: string): Route | null {
    const known = this.routeOf.get(path);
    if (known !== undefined) return known;
    const route = profile.matchRoute(this.routes, path);
    this.routeOf.set(path, route);
    return route;
  }

  private keep(name: StageName, build: () => GatewayStage): GatewayStage {
    let stage = this.kept.get(name);
    if (stage === undefined) {
      stage = build();
      this.kept.set(name, stage);
    }
    return stage;
  }
}

function optionKey(
  name: 'cache' | 'balancer' | 'request-id' | 'access-log',
): 'cache' | 'balancer' | 'requestId' | 'accessLog' {
  return name === 'request-id' ? 'requestId' : name === 'access-log' ? 'accessLog' : name;
}

function stageInfoOf({ name, label, description }: GatewayStage): StageInfo {
  return { name, label, description };
}

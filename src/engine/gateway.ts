import { checkApiKey, type AuthVerdict, type KeyMode } from './auth';
import { SettingError } from './errors';
import { createLimiter, type LimiterSpec, type RateLimitAlgorithm } from './limiters';
import {
  matchRoute,
  sameRoute,
  pathOnly,
  requireRoutePath,
  serviceName,
  type Route,
  type RouteLookup,
} from './routing';

/** A request as the gateway sees it. `apiKey` missing, null or empty means "no key". */
export interface GatewayRequest {
  readonly path: string;
  readonly apiKey?: string | null | undefined;
}

export type StageName = 'auth' | 'rate-limit' | 'router';

export type HttpStatus = 200 | 401 | 404 | 429;

/** What one stage decided about one request. */
export interface StageRecord {
  readonly stage: StageName;
  readonly verdict: 'pass' | 'refuse';
  /** One short sentence a learner can read, e.g. "4 of 5 left in this window". */
  readonly note: string;
}

/** The whole answer for one request: the response and how the gateway got there. */
export interface GatewayDecision {
  readonly status: HttpStatus;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The stages the request went through, in order; the last one refused it unless status is 200. */
  readonly stages: readonly StageRecord[];
  /** The stage that refused the request, or 'service' when it was forwarded. */
  readonly decidedBy: StageName | 'service';
  /** The route the request was forwarded by (200 only). */
  readonly route: Route | null;
  /** The service's short name, e.g. `user-service` (200 only). */
  readonly service: string | null;
  /** Extra wait the limiter imposed before forwarding (leaky bucket without nodelay). */
  readonly delayMs: number;
}

/** What a stage sees: the request, the moment, and what earlier stages left for later ones. */
export interface StageContext {
  readonly request: GatewayRequest;
  readonly atMs: number;
  readonly headers: Record<string, string>;
  route: Route | null;
  delayMs: number;
}

export type StageOutcome =
  | { readonly verdict: 'pass'; readonly note: string }
  | {
      readonly verdict: 'refuse';
      readonly note: string;
      readonly status: Exclude<HttpStatus, 200>;
      readonly body: string;
    };

/** One step of the pipeline; the gateway runs its stages in order (see runPipeline). */
export interface GatewayStage {
  readonly name: StageName;
  run(context: StageContext): StageOutcome;
}

/** The limiter's settings (LimiterSpec) plus how Auth checks keys. */
export interface GatewaySettings extends LimiterSpec {
  readonly keyMode: KeyMode;
  readonly registeredKeys: readonly string[];
}

/** Every field of LimiterSpec (the Record makes the type checker insist on all of them). */
const LIMITER_FIELDS = Object.keys({
  algorithm: true,
  maxRequests: true,
  windowMs: true,
  burst: true,
  nodelay: true,
} satisfies Record<keyof LimiterSpec, true>) as (keyof LimiterSpec)[];

export const DEFAULT_SETTINGS: GatewaySettings = {
  maxRequests: 5,
  windowMs: 60_000,
  algorithm: 'sliding-window-log',
  keyMode: 'registered',
  registeredKeys: ['abc123'],
};

export const MESSAGES = {
  missingKey: 'Unauthorized: no API key in the request',
  unknownKey: 'Unauthorized: API key not recognised',
  rateLimited: 'Too Many Requests',
  noRoute: 'Not Found: no route matches this path',
} as const;

/** The authentication stage: no key → 401 before anything else, so it uses no quota. */
export function authStage(keyMode: KeyMode, registeredKeys: ReadonlySet<string>): GatewayStage {
  return {
    name: 'auth',
    run({ request, headers }) {
      const verdict = checkApiKey(request.apiKey, keyMode, registeredKeys);
      if (verdict.ok) return { verdict: 'pass', note: verdict.note };
      headers['WWW-Authenticate'] = 'Key';
      return {
        verdict: 'refuse',
        note: verdict.note,
        status: 401,
        body: verdict.reason === 'missing' ? MESSAGES.missingKey : MESSAGES.unknownKey,
      };
    },
  };
}

/** Whole seconds, rounded up, never 0 for a positive wait. */
export function toRetryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** The key the rate limiter counts a request under: its API key, as in the lesson. */
export function limiterKey(request: GatewayRequest): string {
  return request.apiKey ?? '';
}

/**
 * The rate-limit stage, keyed by API key as in the lesson. Adds the IETF draft headers
 * (`RateLimit-Policy`, `RateLimit`) to every response it sees, and `Retry-After` on a 429.
 */
export function rateLimitStage(limiter: RateLimitAlgorithm): GatewayStage {
  const { quota, windowSeconds } = limiter.policy;
  return {
    name: 'rate-limit',
    run(context) {
      const key = limiterKey(context.request);
      const allowed = limiter.allowRequest(key, context.atMs);
      const after = limiter.snapshot(key, context.atMs);
      context.headers['RateLimit-Policy'] =
        `"default";q=${quota};w=${formatSeconds(windowSeconds)}`;
      context.headers['RateLimit'] =
        `"default";r=${after.remaining};t=${Math.ceil(after.msUntilNextSlot / 1000)}`;
      if (allowed) {
        context.delayMs = limiter.lastDelayMs;
        const waits = context.delayMs > 0 ? `, queued ${Math.round(context.delayMs)} ms` : '';
        return { verdict: 'pass', note: `${after.remaining} of ${after.limit} left${waits}` };
      }
      const retryAfter = toRetryAfterSeconds(after.msUntilAllowed);
      context.headers['Retry-After'] = String(retryAfter);
      return {
        verdict: 'refuse',
        note: `limit of ${after.limit} reached; retry in ${retryAfter} s`,
        status: 429,
        body: MESSAGES.rateLimited,
      };
    },
  };
}

/** The router stage: picks the service, or 404. Runs last, as in the lesson. */
export function routerStage(lookup: RouteLookup): GatewayStage {
  return {
    name: 'router',
    run(context) {
      const route = lookup(context.request.path);
      if (route === null) {
        return {
          verdict: 'refuse',
          note: `no route for ${pathOnly(context.request.path)}`,
          status: 404,
          body: MESSAGES.noRoute,
        };
      }
      context.route = route;
      return { verdict: 'pass', note: `${route.path} → ${serviceName(route.serviceUrl)}` };
    },
  };
}

function formatSeconds(seconds: number): string {
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(3).replace(/0+$/, '');
}

/** Runs a request through the stages in order and builds the decision. Pure but for the stages' state. */
export function runPipeline(
  stages: readonly GatewayStage[],
  request: GatewayRequest,
  atMs: number,
): GatewayDecision {
  const context: StageContext = { request, atMs, headers: {}, route: null, delayMs: 0 };
  const records: StageRecord[] = [];
  for (const stage of stages) {
    const outcome = stage.run(context);
    records.push({ stage: stage.name, verdict: outcome.verdict, note: outcome.note });
    if (outcome.verdict === 'refuse') {
      return {
        status: outcome.status,
        body: outcome.body,
        headers: context.headers,
        stages: records,
        decidedBy: stage.name,
        route: null,
        service: null,
        delayMs: 0,
      };
    }
  }
  const route = context.route;
  if (route === null)
    throw new Error('pipeline finished without a route: the router stage is missing');
  return {
    status: 200,
    body: `Routed to ${route.serviceUrl}${pathOnly(request.path)}`,
    headers: context.headers,
    stages: records,
    decidedBy: 'service',
    route,
    service: serviceName(route.serviceUrl),
    delayMs: context.delayMs,
  };
}

/**
 * The gateway: settings, routes and a limiter, and the pipeline auth → rate limit → router.
 * Changing the limit settings starts the limiter afresh; routes and keys can change any time.
 */
export class Gateway {
  private settings: GatewaySettings;
  private limiter: RateLimitAlgorithm;
  private routes: Route[] = [];
  private customLookup: RouteLookup | null = null;
  private stages: readonly GatewayStage[];
  /** The registered keys as a set, rebuilt only when the settings change. */
  private registeredKeys: ReadonlySet<string>;

  constructor(settings: Partial<GatewaySettings> = {}, routes: readonly Route[] = []) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.registeredKeys = new Set(this.settings.registeredKeys);
    this.limiter = createLimiter(this.settings);
    for (const route of routes) this.addRoute(route);
    this.stages = this.buildStages();
  }

  /** Sends one request through the pipeline at `atMs`. */
  handle(request: GatewayRequest, atMs: number): GatewayDecision {
    if (!Number.isFinite(atMs)) throw new SettingError('nowMs', `must be a number, got ${atMs}`);
    return runPipeline(this.stages, request, atMs);
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
    this.stages = this.buildStages();
  }

  /** Starts the built-in limiter afresh from the settings, dropping any replacement. */
  resetLimiter(): void {
    this.limiter = createLimiter(this.settings);
    this.stages = this.buildStages();
  }

  /** Replaces the limiter, e.g. with one whose decisions come from learner code. */
  useLimiter(limiter: RateLimitAlgorithm): void {
    this.limiter = limiter;
    this.stages = this.buildStages();
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
  }

  removeRoute(path: string): void {
    this.routes = this.routes.filter((r) => r.path !== path);
  }

  getRoutes(): readonly Route[] {
    return this.routes;
  }

  /** Routes with `lookup` instead of the built-in matcher; null restores the built-in one. */
  useRouteLookup(lookup: RouteLookup | null): void {
    this.customLookup = lookup;
    this.stages = this.buildStages();
  }

  private buildStages(): readonly GatewayStage[] {
    const lookup: RouteLookup = this.customLookup ?? ((path) => matchRoute(this.routes, path));
    return [
      authStage(this.settings.keyMode, this.registeredKeys),
      rateLimitStage(this.limiter),
      routerStage(lookup),
    ];
  }
}

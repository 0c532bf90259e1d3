import { SettingError } from './errors';
import { Gateway } from './gateway';
import type { LimiterSpec } from './limiters';
import { PROFILES, type GatewayProfile, type ProfileName } from './profiles';
import type { MatchKind } from './routing';

/** The public way to build a gateway: plain data in, `handle` out (see `createGateway`). */
export interface GatewayConfig {
  /** The gateway whose rules apply; `lesson` (the default) is the lesson's. */
  readonly profile?: ProfileName;
  /** `service` is a URL (`http://user-service:3001`) or a bare host name (`user-service`). */
  readonly routes: readonly {
    readonly path: string;
    readonly service: string;
    readonly match?: MatchKind;
  }[];
  readonly keys: readonly string[];
  /**
   * `requests` per `windowMs` is the steady rate (nginx `rate`, Envoy `tokens_per_fill` per
   * `fill_interval`, AWS `rate`); `burst` the bucket (nginx `burst`, default 0; Envoy
   * `max_tokens` and AWS `burst`, default `requests`); `nodelay` nginx's (default off); `status`
   * the refusal's status where the gateway lets it be set (nginx `limit_req_status`).
   */
  readonly limit: {
    readonly requests: number;
    readonly windowMs: number;
    readonly burst?: number;
    readonly nodelay?: boolean;
    readonly status?: number;
  };
  /** Adds the response cache stage. */
  readonly cache?: { readonly ttlMs: number };
}

export interface PlainRequest {
  readonly method?: string;
  readonly path: string;
  readonly apiKey?: string | null;
}

export interface PlainResponse {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string>;
  readonly stages: { readonly name: string; readonly verdict: string }[];
}

export interface PlainGateway {
  /** Decides one request arriving at `nowMs` (times must not go backwards). */
  handle(request: PlainRequest, nowMs: number): PlainResponse;
  /** The gateway underneath, for everything the plain contract leaves out. */
  readonly core: Gateway;
}

/** The limiter settings for the profile's algorithm, with that gateway's defaults. */
function limiterSpec(profile: GatewayProfile, limit: GatewayConfig['limit']): LimiterSpec {
  const { algorithm, windowsMs } = profile.limit;
  if (windowsMs !== null && !windowsMs.includes(limit.windowMs)) {
    throw new SettingError(
      'windowMs',
      `${profile.label} counts per ${windowsMs.map((ms) => `${ms} ms`).join(', ')}; got ${limit.windowMs}`,
    );
  }
  const base = { algorithm, maxRequests: limit.requests, windowMs: limit.windowMs };
  if (algorithm === 'token-bucket')
    return limit.burst === undefined ? base : { ...base, bucketSize: limit.burst };
  if (algorithm === 'leaky-bucket' && profile !== PROFILES.lesson)
    return { ...base, burst: limit.burst ?? 0, nodelay: limit.nodelay ?? false };
  return {
    ...base,
    ...(limit.burst === undefined ? {} : { burst: limit.burst }),
    ...(limit.nodelay === undefined ? {} : { nodelay: limit.nodelay }),
  };
}

/** The profile with its refusal over the limit set to `status`, where the gateway allows that. */
function withLimitStatus(profile: GatewayProfile, status: number | undefined): GatewayProfile {
  if (status === undefined) return profile;
  const setting = profile.limit.statusSetting;
  if (setting === null)
    throw new SettingError('status', `${profile.label} has no setting for the refusal's status`);
  if (!Number.isInteger(status) || status < 400 || status > 599)
    throw new SettingError('status', `${setting.name} takes 400 to 599, got ${status}`);
  return {
    ...profile,
    refusals: { ...profile.refusals, rateLimited: setting.refusal(status) },
  };
}

function serviceUrl(service: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(service) ? service : `http://${service}`;
}

/**
 * Builds a gateway from plain data. Throws a SettingError naming the field for unusable data
 * (an unknown profile, a bad route path, a limit that is not a whole number ≥ 1, …).
 */
export function createGateway(config: GatewayConfig): PlainGateway {
  const profileName = config.profile ?? 'lesson';
  const known = Object.hasOwn(PROFILES, profileName)
    ? (PROFILES[profileName] as GatewayProfile)
    : undefined;
  if (known === undefined)
    throw new SettingError('profile', `unknown profile "${String(config.profile)}"`);
  const profile = withLimitStatus(known, config.limit.status);
  const gateway = new Gateway(
    {
      ...limiterSpec(profile, config.limit),
      keyMode: 'registered',
      registeredKeys: config.keys,
    },
    config.routes.map((route) => ({
      path: route.path,
      serviceUrl: serviceUrl(route.service),
      match: route.match ?? 'prefix',
    })),
    profile,
  );
  if (config.cache !== undefined)
    gateway.configurePipeline({ cache: { ttlMs: config.cache.ttlMs } });
  return {
    core: gateway,
    handle(request, nowMs) {
      const decision = gateway.handle(request, nowMs);
      const stages = decision.stages.map((record) => ({
        name: record.stage,
        verdict: record.verdict,
      }));
      return { status: decision.status, body: decision.body, headers: decision.headers, stages };
    },
  };
}

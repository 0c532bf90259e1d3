import { SettingError } from './errors';
import { Gateway } from './gateway';
import type { AlgorithmName } from './limiters';
import { PROFILES, type ProfileName } from './profiles';
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
  /** `requests` per `windowMs`; `burst`/`nodelay` for bucket algorithms. */
  readonly limit: {
    readonly requests: number;
    readonly windowMs: number;
    readonly burst?: number;
    readonly nodelay?: boolean;
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

/** The limiter each profile uses (the lesson: a sliding-window log). */
const PROFILE_ALGORITHM: Readonly<Record<ProfileName, AlgorithmName>> = {
  lesson: 'sliding-window-log',
};

function serviceUrl(service: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(service) ? service : `http://${service}`;
}

/**
 * Builds a gateway from plain data. Throws a SettingError naming the field for unusable data
 * (an unknown profile, a bad route path, a limit that is not a whole number ≥ 1, …).
 */
export function createGateway(config: GatewayConfig): PlainGateway {
  const profileName = config.profile ?? 'lesson';
  const profile = PROFILES[profileName] as (typeof PROFILES)[ProfileName] | undefined;
  if (profile === undefined)
    throw new SettingError('profile', `unknown profile "${String(config.profile)}"`);
  const gateway = new Gateway(
    {
      algorithm: PROFILE_ALGORITHM[profileName],
      maxRequests: config.limit.requests,
      windowMs: config.limit.windowMs,
      ...(config.limit.burst === undefined ? {} : { burst: config.limit.burst }),
      ...(config.limit.nodelay === undefined ? {} : { nodelay: config.limit.nodelay }),
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

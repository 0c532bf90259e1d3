import type { AlgorithmName, LimiterQuota } from '../limiters';
import type { Route } from '../routing';
import type { HttpStatus, StageInfo, StageName, UpstreamOutcome } from '../pipeline/types';

/** A status and body a stage answers with. */
export interface Refusal {
  readonly status: HttpStatus;
  readonly body: string;
}

/** What the rate-limit stage knows when it writes its headers. */
export interface RateLimitReport {
  readonly allowed: boolean;
  readonly quota: number;
  readonly windowSeconds: number;
  readonly after: LimiterQuota;
  /** When the request arrived (a calendar window's reset is counted from it). */
  readonly atMs: number;
}

/** What path normalisation made of a request target: the path to match on, or a refusal. */
export type NormalisedPath =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly reason: string; readonly refusal: Refusal };

/** A redirect the router answers with instead of a route (nginx's 301 to a location's `/`). */
export interface RouteRedirect {
  readonly status: HttpStatus;
  readonly body: string;
  readonly location: string;
}

/** How a profile's router compares paths, in words the differences list can set side by side. */
export interface MatchingRules {
  /** `segment`: `/api/users` never matches `/api/usersX`; `string`: plain string prefixes do. */
  readonly prefix: 'segment' | 'string';
  /** Which of several matching routes wins. */
  readonly winner: 'exact-then-longest' | 'first-listed';
}

/** The limiter a profile uses and how the plain contract's numbers map onto it. */
export interface LimitRules {
  readonly algorithm: AlgorithmName;
  /** The gateway's own words for the limit, e.g. `limit_req` or `rate-limiting plugin`. */
  readonly mechanism: string;
  /** What `burst` means for this gateway, or null when it has no such number. */
  readonly burst: string | null;
  /**
   * The setting that changes the refusal's status (`limit_req_status`) and the refusal it then
   * gives, or null when the gateway has none.
   */
  readonly statusSetting: {
    readonly name: string;
    readonly refusal: (status: HttpStatus) => Refusal;
  } | null;
  /** The windows the gateway can count over (Kong: a second, minute, hour, day), or null for any. */
  readonly windowsMs: readonly number[] | null;
  /** Whether a refused request still uses quota. */
  readonly refusedCount: boolean;
}

/**
 * A gateway's behaviour as data over the pipeline: the order of its stages, how it matches
 * routes, what it answers and which headers it writes. `lesson` is one; kong, envoy, nginx and
 * aws are meant to be siblings built the same way.
 */
export interface GatewayProfile {
  readonly name: string;
  readonly label: string;
  /** Every stage the profile knows, in the order it runs them; optional ones run only when on. */
  readonly order: readonly StageName[];
  /** The stages that are always on. */
  readonly required: readonly StageName[];
  /** Label and one-line description of each stage in `order`. */
  readonly stageInfo: Readonly<Record<StageName, StageInfo>>;
  /**
   * Picks the route for a (path-only or full) request path, or null. A function of its arguments
   * alone: the gateway remembers its answer for each path until the routes change.
   */
  readonly matchRoute: (routes: readonly Route[], path: string) => Route | null;
  /** How `matchRoute` behaves, for the differences list (tests hold the two together). */
  readonly matching: MatchingRules;
  /** A redirect the router answers before matching (nginx's 301 for a missing `/`), or null. */
  readonly redirect?: (routes: readonly Route[], path: string) => RouteRedirect | null;
  /** The path as this gateway normalises it before matching (the normalise stage). */
  readonly normalise: (target: string) => NormalisedPath;
  readonly limit: LimitRules;
  /**
   * Where the playground simplifies this gateway: said on the page beside the differences list.
   * Empty for the lesson, which is its own rules.
   */
  readonly simplifications: readonly string[];
  /** The request header that carries the API key. */
  readonly keyHeader: string;
  readonly requestIdHeader: string;
  readonly consumerHeader: string;
  readonly cacheStatusHeader: string;
  readonly refusals: {
    readonly missingKey: Refusal;
    readonly unknownKey: Refusal;
    readonly rateLimited: Refusal;
    readonly noRoute: Refusal;
  };
  /** Headers added to a 401 from the key check. */
  readonly authRefusalHeaders: (headers: Record<string, string>) => void;
  /** Headers the rate-limit stage writes on every response it sees. */
  readonly rateLimitHeaders: (headers: Record<string, string>, report: RateLimitReport) => void;
  /** The status and body for a request the gateway forwarded, by how the exchange went. */
  readonly upstreamAnswer: (
    outcome: UpstreamOutcome,
    target: { readonly url: string; readonly instance: string; readonly timeoutMs: number },
  ) => Refusal;
  /** The answer when every instance of a service is ejected (the circuit is open). */
  readonly circuitOpen: (service: string) => Refusal;
}

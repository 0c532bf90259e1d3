import type { LimiterSnapshot } from '../limiters';
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
  readonly after: LimiterSnapshot;
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
  /** Picks the route for a (path-only or full) request path, or null. */
  readonly matchRoute: (routes: readonly Route[], path: string) => Route | null;
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

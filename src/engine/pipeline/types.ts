import type { Route } from '../routing';

/** A stage's name. Open: a profile or a test may bring stages the lesson does not have. */
export type StageName = string;

/** An HTTP status. Open too: profiles answer 403, 503 and more. */
export type HttpStatus = number;

/** What the page shows about a stage: its name, a short label, and one line on what it does. */
export interface StageInfo {
  readonly name: StageName;
  readonly label: string;
  readonly description: string;
}

/** A request as the gateway sees it. `apiKey` missing, null or empty means "no key". */
export interface GatewayRequest {
  /** GET when missing. */
  readonly method?: string | undefined;
  readonly path: string;
  readonly apiKey?: string | null | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Who sent it, for the access log (the simulation's client id). */
  readonly clientId?: string | undefined;
}

/** The request the gateway sends on to a service, after the stages have rewritten it. */
export interface ForwardedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

export type Verdict = 'pass' | 'refuse' | 'respond';

/** What one stage decided about one request. */
export interface StageRecord {
  readonly stage: StageName;
  readonly verdict: Verdict;
  /** One short sentence a learner can read, e.g. "4 of 5 left in this window". */
  readonly note: string;
}

/**
 * A stage's answer. `refuse` ends the request with an error; `respond` answers it from the gateway
 * without reaching a service (a cache hit, an open circuit).
 */
export type StageOutcome =
  | { readonly verdict: 'pass'; readonly note: string }
  | {
      readonly verdict: 'refuse' | 'respond';
      readonly note: string;
      readonly status: HttpStatus;
      readonly body: string;
    };

/**
 * A refusal or an answer from the gateway. Every stage builds its non-pass outcomes here, and its
 * pass outcomes as `{ verdict, note }` literals, not frozen: the runner reads every outcome at one
 * place, which stays fast only while outcomes come in a couple of shapes.
 */
export function stopWith(
  verdict: 'refuse' | 'respond',
  note: string,
  answer: { readonly status: HttpStatus; readonly body: string },
): StageOutcome {
  return { verdict, note, status: answer.status, body: answer.body };
}

/** How the exchange with the service's instance went. */
export type UpstreamOutcome = 'ok' | 'refused' | 'error' | 'timeout';

/** One exchange with one instance, in gateway time (see `Upstreams` for the clock rule). */
export interface UpstreamExchange {
  readonly service: string;
  /** e.g. `user-service-2`. */
  readonly instance: string;
  readonly instanceIndex: number;
  readonly outcome: UpstreamOutcome;
  /** When the gateway sent the request on. */
  readonly forwardedAtMs: number;
  /** When the instance answered (or, for a timeout, when the gateway gave up). */
  readonly answeredAtMs: number;
  /** When the answer (or the failure) was back at the gateway: health is updated at this moment. */
  readonly settledAtMs: number;
  /** The service's own work, 0 when it never answered. */
  readonly serviceMs: number;
}

/** The response as it leaves the gateway; after-response hooks may still change its headers. */
export interface GatewayResponseDraft {
  readonly status: HttpStatus;
  readonly body: string;
  readonly headers: Record<string, string>;
  /** The stage that answered, or 'service' when a service's answer (or failure) went back. */
  readonly decidedBy: StageName | 'service';
  readonly upstream: UpstreamExchange | null;
}

/** Runs once the response is known, in reverse stage order (the last stage's hook first). */
export type AfterResponse = (context: StageContext, response: GatewayResponseDraft) => void;

/** What a stage sees: the request, the moment, and what earlier stages left for later ones. */
export interface StageContext {
  /** The request as it arrived. */
  readonly request: GatewayRequest;
  /** Its method, upper case (GET when the request named none). */
  readonly method: string;
  readonly atMs: number;
  /** True in a dry run: stages decide as they would, but on forked state (see `dryRun`). */
  readonly dryRun: boolean;
  /** Response headers so far. */
  readonly headers: Record<string, string>;
  /** The path as later stages should match it (path normalisation rewrites it). */
  path: string;
  /** The path sent to the service (transformation may strip the route's prefix). */
  forwardPath: string | null;
  /** Headers added to (string) or removed from (null) the forwarded request. */
  forwardHeaders: Record<string, string | null> | null;
  route: Route | null;
  /** Extra wait the limiter imposed before forwarding (leaky bucket without nodelay). */
  delayMs: number;
  /** The instance the balancer chose, or -1 for the service's only instance. */
  instanceIndex: number;
  /** Stages run so far, this one included. */
  stagesRun: number;
  /** After-response hooks registered so far (null until the first). */
  afterHooks: AfterResponse[] | null;
}

/** One step of the pipeline; the gateway runs its stages in order (see runPipeline). */
export interface GatewayStage extends StageInfo {
  run(context: StageContext): StageOutcome;
  /**
   * An independent copy of the stage and its state, for dry runs. Stages without state omit it
   * (the dry run uses them as they are).
   */
  fork?(): GatewayStage;
  /**
   * True when what the stage decides depends on responses to earlier requests (a cache, health
   * checks): a dry run past such a stage must run the whole pipeline, upstream included.
   */
  readonly learnsFromResponses?: boolean;
}

/** Registers `hook` to run after the response is known. */
export function afterResponse(context: StageContext, hook: AfterResponse): void {
  if (context.afterHooks === null) context.afterHooks = [hook];
  else context.afterHooks.push(hook);
}

import { LESSON_PROFILE } from '../profiles/lesson';
import type { GatewayProfile } from '../profiles/types';
import { pathOnly, serviceName, type Route } from '../routing';
import type { Upstreams } from '../upstream/upstreams';
import { instanceName } from '../upstream/upstreams';
import { forwardedHeaders } from './forwarded';
import type {
  ForwardedRequest,
  GatewayRequest,
  GatewayResponseDraft,
  GatewayStage,
  HttpStatus,
  StageContext,
  StageName,
  StageRecord,
  UpstreamExchange,
} from './types';

/** The whole answer for one request: the response and how the gateway got there. */
export interface GatewayDecision {
  readonly status: HttpStatus;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The stages the request went through, in order; the last one answered unless it was forwarded. */
  readonly stages: readonly StageRecord[];
  /** The stage that refused or answered the request, or 'service' when it was forwarded. */
  readonly decidedBy: StageName | 'service';
  /** The request as it arrived, and its method (GET when it named none). */
  readonly request: GatewayRequest;
  readonly method: string;
  /** The request as the gateway sent it on (null when it was not forwarded). */
  readonly forwarded: ForwardedRequest | null;
  /** The route the request was forwarded by (null when it was not forwarded). */
  readonly route: Route | null;
  /** The service's short name, e.g. `user-service` (null when it was not forwarded). */
  readonly service: string | null;
  /** How the exchange with the service's instance went (null when it was not forwarded). */
  readonly upstream: UpstreamExchange | null;
  /** Extra wait the limiter imposed before forwarding (leaky bucket without nodelay). */
  readonly delayMs: number;
}

export interface RunOptions {
  readonly profile?: GatewayProfile;
  /** Where forwarded requests go; without it every service answers at once. */
  readonly upstreams?: Upstreams;
  readonly dryRun?: boolean;
}

/** A fresh context for one request arriving at `atMs`. */
export function createContext(
  request: GatewayRequest,
  atMs: number,
  dryRun: boolean,
): StageContext {
  return {
    request,
    method: request.method === undefined ? 'GET' : upperCaseMethod(request.method),
    atMs,
    dryRun,
    headers: {},
    path: request.path,
    forwardPath: null,
    forwardHeaders: null,
    route: null,
    delayMs: 0,
    instanceIndex: -1,
    stagesRun: 0,
    afterHooks: null,
  };
}

/**
 * `method.toUpperCase()`, without the call when there is nothing to change: methods nearly always
 * arrive upper case, and the call leaves JIT-compiled code even then. Any lower-case ASCII letter
 * or any non-ASCII character goes the slow way, so the result is always toUpperCase's.
 */
export function upperCaseMethod(method: string): string {
  for (let i = 0; i < method.length; i++) {
    const code = method.charCodeAt(i);
    if ((code >= 97 /* a */ && code <= 122) /* z */ || code > 127) return method.toUpperCase();
  }
  return method;
}

/** Runs a request through the stages in order and builds the decision. Pure but for the stages' state. */
export function runPipeline(
  stages: readonly GatewayStage[],
  request: GatewayRequest,
  atMs: number,
  options: RunOptions = {},
): GatewayDecision {
  const profile = options.profile ?? LESSON_PROFILE;
  const context = createContext(request, atMs, options.dryRun === true);
  // Pushed, not sized up front: cutting a sized array's length on a refusal is a runtime call
  // that costs more than the room a push reserves.
  const records: StageRecord[] = [];
  for (const stage of stages) {
    context.stagesRun++;
    const outcome = stage.run(context);
    records.push({ stage: stage.name, verdict: outcome.verdict, note: outcome.note });
    if (outcome.verdict !== 'pass') {
      const draft: GatewayResponseDraft = {
        status: outcome.status,
        body: outcome.body,
        headers: context.headers,
        decidedBy: stage.name,
        upstream: null,
      };
      return finish(context, records, draft, null, null);
    }
  }
  const route = context.route;
  if (route === null)
    throw new Error('pipeline finished without a route: the router stage is missing');
  const service = serviceName(route.serviceUrl);
  const forwardPath = context.forwardPath ?? pathOnly(context.path);
  const index = context.instanceIndex < 0 ? 0 : context.instanceIndex;
  const upstreams = options.upstreams;
  const forwardedAtMs =
    atMs + context.stagesRun * (upstreams?.transit.stageMs ?? 0) + context.delayMs;
  const upstream =
    upstreams === undefined
      ? instantExchange(service, index, forwardedAtMs)
      : upstreams.exchange(service, index, forwardedAtMs);
  const answer = profile.upstreamAnswer(upstream.outcome, {
    url: route.serviceUrl + forwardPath,
    instance: upstream.instance,
    timeoutMs: upstreams?.timeoutMs(service) ?? 0,
  });
  const draft: GatewayResponseDraft = {
    status: answer.status,
    body: answer.body,
    headers: context.headers,
    decidedBy: 'service',
    upstream,
  };
  return finish(context, records, draft, route, forwardedRequest(context, profile, forwardPath));
}

function finish(
  context: StageContext,
  records: StageRecord[],
  draft: GatewayResponseDraft,
  route: Route | null,
  forwarded: ForwardedRequest | null,
): GatewayDecision {
  const hooks = context.afterHooks;
  if (hooks !== null) for (let i = hooks.length - 1; i >= 0; i--) hooks[i]?.(context, draft);
  return {
    status: draft.status,
    body: draft.body,
    headers: draft.headers,
    stages: records,
    decidedBy: draft.decidedBy,
    request: context.request,
    method: context.method,
    forwarded,
    route,
    service: draft.upstream === null ? null : draft.upstream.service,
    upstream: draft.upstream,
    delayMs: route === null ? 0 : context.delayMs,
  };
}

/** The request as it leaves: the stages' method and path, and its headers (see forwardedHeaders). */
function forwardedRequest(
  context: StageContext,
  profile: GatewayProfile,
  path: string,
): ForwardedRequest {
  const headers = forwardedHeaders(context.request, profile.keyHeader, context.forwardHeaders);
  return { method: context.method, path, headers };
}

/** A service that answers at once: what `runPipeline` uses without upstreams. */
function instantExchange(service: string, index: number, atMs: number): UpstreamExchange {
  return {
    service,
    instance: instanceName(service, index),
    instanceIndex: index,
    outcome: 'ok',
    forwardedAtMs: atMs,
    answeredAtMs: atMs,
    settledAtMs: atMs,
    serviceMs: 0,
  };
}

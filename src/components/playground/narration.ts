import type { CircuitState, Gateway, InstanceState, RequestTrace, SimEvent } from '../../engine';
import { clientById, STAGE_LABELS } from '../../content/services';
import { NODE_ROLES } from '../../content/nodeExplanations';
import { STATUS_TEXT } from '../log/statusCounts';
import { traceReason } from '../log/traceReason';

/** What a line may add about the gateway as it is now, beside the event itself. */
export interface NarrationContext {
  /** The response header that says Hit, Miss or Bypass (the profile's). */
  readonly cacheStatusHeader: string;
  /** The balancer's health checks at the clock; null while load balancing is off. */
  readonly health: {
    instanceState(service: string, index: number): InstanceState;
    circuit(service: string): CircuitState;
  } | null;
}

/** The context at `clockMs`, from the gateway's profile and its health book. */
export function narrationContext(gateway: Gateway, clockMs: number): NarrationContext {
  const book = gateway.getHealth();
  const count = (service: string) => gateway.upstreams.instanceCount(service);
  return {
    cacheStatusHeader: gateway.profile.cacheStatusHeader,
    health:
      book === null
        ? null
        : {
            instanceState: (service, index) =>
              book.instanceStates(service, count(service), clockMs)[index] ?? 'healthy',
            circuit: (service) => book.circuit(service, count(service), clockMs),
          },
  };
}

const NO_CONTEXT: NarrationContext = { cacheStatusHeader: 'X-Cache-Status', health: null };

function answerOf(status: number): string {
  return `${status} ${STATUS_TEXT[status] ?? ''}`.trim();
}

/** What the request's instance did, in words, when it did not answer. */
const FAILURE_WORDS = {
  refused: 'it refused the connection',
  error: 'it answered 500',
  timeout: 'it did not answer in time',
} as const;

/** Was this request the one probe of an ejected instance (the balancer said so)? */
function wasProbe(trace: RequestTrace): boolean {
  return trace.decision.stages.some((r) => r.stage === 'balancer' && r.note.includes('probe'));
}

/**
 * What the health checks make of the request's instance now: ejected, the circuit open or
 * half-open, or back in rotation after a probe that got an answer.
 */
function healthNow(trace: RequestTrace, context: NarrationContext): string {
  const upstream = trace.decision.upstream;
  if (upstream === null || context.health === null) return '';
  const { service, instance, instanceIndex, outcome } = upstream;
  const circuit = context.health.circuit(service);
  if (circuit !== 'closed') return ` The circuit of ${service} is ${NODE_ROLES.circuit[circuit]}.`;
  const state = context.health.instanceState(service, instanceIndex);
  if (outcome !== 'ok' && state === 'ejected')
    return ` ${instance} is ejected: the balancer sends no more requests to it until its cool-down is over.`;
  if (outcome === 'ok' && wasProbe(trace) && state === 'healthy')
    return ` The probe got its answer: ${instance} is back in rotation and the circuit is closed.`;
  return '';
}

function stageLine(
  trace: RequestTrace,
  event: Extract<SimEvent, { type: 'stage' }>,
  context: NarrationContext,
): string {
  const who = `Request #${trace.id}`;
  const stage = STAGE_LABELS[event.stage] ?? event.stage;
  const answer = answerOf(trace.decision.status);
  const cache = trace.decision.headers[context.cacheStatusHeader];
  if (event.verdict === 'refuse')
    return `${who} is refused at ${stage} with ${answer}: ${event.note}.`;
  if (event.verdict === 'respond') {
    if (event.stage === 'cache')
      return `${who} is a cache Hit (${event.note}): the gateway answers ${answer} itself, and no service sees it.`;
    return `${who} is answered ${answer} by the gateway at ${stage}, at once: ${event.note}.`;
  }
  switch (event.stage) {
    case 'cache':
      return cache === 'Bypass'
        ? `${who} bypasses the cache: ${event.note}, so it goes on to the service.`
        : `${who} is a cache Miss (${event.note}): it goes on to the service, and a 200 answer will be stored.`;
    case 'normalise':
      return `${who}'s path is normalised before any rule reads it: ${event.note}.`;
    case 'transform':
      return `${who} is rewritten for the service: ${event.note}.`;
    case 'balancer':
      return `${who} is sent by the load balancer: ${event.note}.`;
    default:
      return `${who} passes ${stage}: ${event.note}.`;
  }
}

/**
 * One line for people: what just happened to which request, and for a request that met a
 * service, what the health checks make of its instance now.
 */
export function narrate(
  trace: RequestTrace,
  event: SimEvent,
  context: NarrationContext = NO_CONTEXT,
): string {
  const who = `Request #${trace.id}`;
  const { decision } = trace;
  switch (event.type) {
    case 'sent': {
      const method = decision.method === 'GET' ? '' : `${decision.method} `;
      return `${who} leaves ${clientById(trace.request.clientId).label} for ${method}${trace.request.path}.`;
    }
    case 'arrived':
      return `${who} reaches the gateway.`;
    case 'stage':
      return stageLine(trace, event, context);
    case 'forwarded': {
      const forwarded = decision.forwarded;
      const as = forwarded === null ? '' : ` as ${forwarded.method} ${forwarded.path}`;
      return `${who} is forwarded to ${event.instance}${as}.`;
    }
    case 'served':
      return `${who} is served by ${event.instance}.${healthNow(trace, context)}`;
    case 'failed':
    case 'timed-out': {
      const outcome = decision.upstream?.outcome;
      const why = outcome === undefined || outcome === 'ok' ? 'it failed' : FAILURE_WORDS[outcome];
      return `${who} fails at ${event.instance}: ${why}, so the gateway answers ${answerOf(decision.status)}.${healthNow(trace, context)}`;
    }
    case 'responded': {
      const failed = decision.upstream !== null && decision.upstream.outcome !== 'ok';
      const why = failed ? `: ${traceReason(trace)}` : '';
      return `${who} is answered ${answerOf(event.status)}${why}.${failed ? healthNow(trace, context) : ''}`;
    }
  }
}

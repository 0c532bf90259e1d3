import { serviceName, type RequestTrace, type StageName } from '../../../engine';
import { CLIENTS, clientById, SERVICES } from '../../../content/services';
import { NODE_ROLES } from '../../../content/nodeExplanations';
import type { AppState } from '../../../store';
import type { OlderTraces } from '../../../store/traceWindow';
import { STATUS_TEXT } from '../../log/statusCounts';
import { traceReason } from '../../log/traceReason';
import { VERDICT_WORDS } from '../../log/verdictWords';
import { formatClock } from '../../playback/timeline';
import { instanceWords, shownInstances } from '../instanceState';
import { quotaText } from '../quota';
import { stageDetails } from '../stageDetails';
import {
  clientTallyAt,
  instanceTallyAt,
  latestExchangeAt,
  stageTallyAt,
  VERDICTS,
  type TallyInput,
} from './nodeTallies';

/** One line of facts: "Limit: 5 per 60 s". */
export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** One instance of a service as its explanation lists it. */
export interface InstanceLine {
  readonly name: string;
  /** "up", "down", "ejected", … in words. */
  readonly state: string;
  readonly served: number;
  readonly failed: number;
}

/** What a node of the graph is, does, and has decided so far, in words. */
export interface NodeExplanation {
  readonly heading: string;
  /** Where it stands: "Stage 2 of 3 in the gateway", "A client", … */
  readonly role: string;
  /** What it does in this gateway. */
  readonly does: string;
  readonly facts: readonly Fact[];
  /** Counts so far, e.g. "5 passed, 1 refused". */
  readonly decided: string;
  /** The latest request it had a say in, or null. */
  readonly latest: string | null;
  readonly instances: readonly InstanceLine[];
}

/** What the explanations read: the store, and the traces as the panels show them. */
export type ExplainInput = AppState & {
  readonly shownTraces: readonly RequestTrace[];
  readonly shownOlder: OlderTraces;
};

function tallyInput(state: ExplainInput): TallyInput {
  return { traces: state.shownTraces, olderTraces: state.shownOlder, atMs: state.clockMs };
}

function statusText(status: number): string {
  return `${status} ${STATUS_TEXT[status] ?? ''}`.trim();
}

const at = (atMs: number) => `at ${formatClock(atMs)}`;

/** Stage facts beyond its settings: what it holds right now. */
function stageFacts(state: ExplainInput, stage: StageName): Fact[] {
  const { gateway } = state;
  switch (stage) {
    case 'auth': {
      const { keyMode, registeredKeys } = state.settings;
      return [
        { label: 'Reads', value: `the ${gateway.profile.keyHeader} header` },
        {
          label: 'Accepts',
          value:
            keyMode === 'registered'
              ? `the registered keys: ${registeredKeys.join(', ')}`
              : 'any key at all (key check off)',
        },
      ];
    }
    case 'rate-limit':
      // The quota of every client the gateway lets through, with its wait for the next slot.
      return CLIENTS.filter((client) => gateway.authenticate(client.apiKey).ok).map((client) => ({
        label: `${client.label} (${client.apiKey ?? 'no key'})`,
        value: quotaText(state, client.apiKey),
      }));
    case 'router':
      return state.routes.length === 0
        ? [{ label: 'Routes', value: 'none: every request is a 404' }]
        : state.routes.map((route) => ({
            label: route.path,
            value: `${serviceName(route.serviceUrl)} (${route.match ?? 'prefix'} match)`,
          }));
    case 'balancer': {
      const health = gateway.getHealth();
      if (health === null) return [];
      return SERVICES.filter((s) => state.routes.some((r) => r.serviceUrl === s.url)).map((s) => {
        const count = gateway.upstreams.instanceCount(s.id);
        const circuit = health.circuit(s.id, count, state.clockMs);
        return {
          label: s.label,
          value: `${count} instances, circuit ${NODE_ROLES.circuit[circuit]}`,
        };
      });
    }
    case 'access-log':
      return [{ label: 'Lines written', value: String(gateway.accessLog().length) }];
    case 'request-id':
      return [{ label: 'Header', value: gateway.profile.requestIdHeader }];
    case 'cache':
      return [
        {
          label: 'Answers with',
          value: `${gateway.profile.cacheStatusHeader}: Hit, Miss or Bypass`,
        },
      ];
    default:
      return [];
  }
}

/** A stage: what the engine says it does, its settings, and its verdicts so far. */
export function explainStage(state: ExplainInput, stage: StageName): NodeExplanation {
  const running = state.gateway.stages();
  const index = running.findIndex((info) => info.name === stage);
  const info = running[index] ?? state.gateway.profile.stageInfo[stage];
  const setting = stageDetails(state)[stage];
  const tally = stageTallyAt(stage, tallyInput(state));
  const counts = VERDICTS.filter((verdict) => tally.counts[verdict] > 0).map(
    (verdict) => `${tally.counts[verdict]} ${VERDICT_WORDS[verdict]}`,
  );
  const latest = tally.latest;
  return {
    heading: info?.label ?? stage,
    role:
      index >= 0
        ? `Stage ${index + 1} of ${running.length} in the gateway`
        : 'Off in this gateway: turn it on in the Pipeline panel',
    does: info?.description ?? '',
    facts: [
      ...(setting === undefined ? [] : [{ label: 'Set to', value: setting }]),
      ...stageFacts(state, stage),
    ],
    decided: counts.length === 0 ? 'Nothing yet: no request has reached it.' : counts.join(', '),
    latest:
      latest === null
        ? null
        : `Request #${latest.trace.id} ${VERDICT_WORDS[latest.record.verdict]} ${at(latest.atMs)}: ${latest.record.note}.`,
    instances: [],
  };
}

/** A client: its key, what Auth makes of it, its quota, and what its requests got. */
export function explainClient(state: ExplainInput, clientId: string): NodeExplanation {
  const client = clientById(clientId);
  const { apiKey } = client;
  const auth = state.gateway.authenticate(apiKey);
  const tally = clientTallyAt(client.id, tallyInput(state));
  const latest = tally.latest;
  return {
    heading: client.label,
    role: 'A client of the API',
    does:
      apiKey === null
        ? NODE_ROLES.clientWithoutKey
        : NODE_ROLES.client
            .replace('{key}', apiKey)
            .replace('{header}', state.gateway.profile.keyHeader),
    facts: [
      { label: 'API key', value: apiKey ?? 'none' },
      {
        label: 'At Auth',
        value: auth.ok
          ? 'known: it passes'
          : auth.reason === 'missing'
            ? 'no key: refused with 401'
            : 'not registered: refused with 401',
      },
      ...(auth.ok ? [{ label: 'Quota', value: quotaText(state, apiKey) }] : []),
    ],
    decided:
      tally.byStatus.length === 0
        ? 'No request sent yet.'
        : tally.byStatus.map(({ status, count }) => `${count} × ${statusText(status)}`).join(', '),
    latest:
      latest === null
        ? null
        : `Request #${latest.trace.id} to ${latest.trace.request.path}: ${statusText(latest.trace.decision.status)} ${at(latest.atMs)} (${traceReason(latest.trace)}).`,
    instances: [],
  };
}

/** A service: its routes, its instances and what each did, the circuit. */
export function explainService(state: ExplainInput, serviceId: string): NodeExplanation {
  const service = SERVICES.find((s) => s.id === serviceId);
  const label = service?.label ?? serviceId;
  const routes = state.routes.filter((route) => serviceName(route.serviceUrl) === serviceId);
  const count = state.gateway.upstreams.instanceCount(serviceId);
  const input = tallyInput(state);
  const instances = shownInstances(state, serviceId, count).map((instance) => ({
    name: instance.name,
    state: instanceWords(instance),
    ...instanceTallyAt(instance.name, input),
  }));
  const served = instances.reduce((sum, i) => sum + i.served, 0);
  const failed = instances.reduce((sum, i) => sum + i.failed, 0);
  const latest = latestExchangeAt(
    instances.map((i) => i.name),
    input,
  );
  const health = state.gateway.getHealth();
  const balancing = state.pipeline.balancer !== null;
  return {
    heading: label,
    role: 'A service behind the gateway',
    does: NODE_ROLES.service.replace('{url}', service?.url ?? serviceId),
    facts: [
      {
        label: 'Routes to it',
        value:
          routes.length === 0
            ? 'none yet: nothing reaches it'
            : routes.map((r) => `${r.path} (${r.match ?? 'prefix'})`).join(', '),
      },
      {
        label: 'Instances',
        value: balancing ? `${count}, load balanced` : '1 (load balancing is off)',
      },
      ...(health === null
        ? []
        : [
            {
              label: 'Circuit',
              value: NODE_ROLES.circuit[health.circuit(serviceId, count, state.clockMs)],
            },
          ]),
    ],
    decided:
      served + failed === 0
        ? 'Nothing yet: no request has reached it.'
        : `${served} served${failed > 0 ? `, ${failed} failed (refused, 5xx or timed out)` : ''}`,
    latest:
      latest === null
        ? null
        : `Request #${latest.trace.id} ${latest.trace.decision.upstream?.outcome === 'ok' ? 'served by' : 'failed at'} ${latest.trace.decision.upstream?.instance ?? label} ${at(latest.atMs)}: ${statusText(latest.trace.decision.status)}.`,
    instances: balancing ? instances : [],
  };
}

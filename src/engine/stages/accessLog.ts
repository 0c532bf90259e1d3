import {
  afterResponse,
  type AfterResponse,
  type GatewayStage,
  type StageOutcome,
} from '../pipeline/types';
import { LESSON_PROFILE } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import { AccessLog } from './accessLogStore';
import type { GatewayProfile } from '../profiles/types';

export { AccessLog };

/** One line of the access log: one request, once its response is known. */
export interface AccessLogRecord {
  /** When the request arrived at the gateway. */
  readonly timeMs: number;
  /** The request id, or null when that stage is off. */
  readonly id: string | null;
  /** Who sent it: the client id, or the API key when there is none, or null. */
  readonly client: string | null;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The stage that answered, or `service`. */
  readonly decidedBy: string;
  /** e.g. `user-service-2`, or null when the gateway answered. */
  readonly upstream: string | null;
  /** Arrival to the answer being back at the gateway (0 when the gateway answered at once). */
  readonly latencyMs: number;
}

/** The records as NDJSON: one JSON object per line, each line ending in `\n`. */
export function toNdjson(records: readonly AccessLogRecord[]): string {
  let out = '';
  for (const record of records) out += `${JSON.stringify(record)}\n`;
  return out;
}

/** The log's outcome is the same for every request: made once. */
const WILL_LOG: StageOutcome = { verdict: 'pass', note: 'will log the response' };

/**
 * The access log. It stands first so its after-response hook runs last and records the response
 * exactly as it leaves.
 */
export function accessLogStage(
  log: AccessLog,
  profile: GatewayProfile = LESSON_PROFILE,
): GatewayStage {
  // One hook for every request: it reads all it needs from the context and the response.
  const write: AfterResponse = (context, response) => {
    const upstream = response.upstream;
    const { request } = context;
    log.write(
      context.atMs,
      response.headers[profile.requestIdHeader] ?? null,
      request.clientId ?? request.apiKey ?? null,
      context.method,
      request.path,
      response.status,
      response.decidedBy,
      upstream === null ? null : upstream.instance,
      upstream === null ? 0 : upstream.settledAtMs - context.atMs,
    );
  };
  return {
    ...describeStage(profile, 'access-log'),
    run(context) {
      afterResponse(context, write);
      return WILL_LOG;
    },
    // A dry run must not write to the real log.
    fork: () => accessLogStage(new AccessLog(1), profile),
  };
}

import { afterResponse, type GatewayStage } from '../pipeline/types';
import { LESSON_PROFILE } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import type { GatewayProfile } from '../profiles/types';

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

/**
 * The access log. It stands first so its after-response hook runs last and records the response
 * exactly as it leaves. Records go to `sink` (the gateway keeps them, see `Gateway.accessLog`).
 */
export function accessLogStage(
  sink: (record: AccessLogRecord) => void,
  profile: GatewayProfile = LESSON_PROFILE,
): GatewayStage {
  return {
    ...describeStage(profile, 'access-log'),
    run(context) {
      afterResponse(context, (ctx, response) => {
        const upstream = response.upstream;
        sink({
          timeMs: ctx.atMs,
          id: response.headers[profile.requestIdHeader] ?? null,
          client: ctx.request.clientId ?? ctx.request.apiKey ?? null,
          method: ctx.method,
          path: ctx.request.path,
          status: response.status,
          decidedBy: response.decidedBy,
          upstream: upstream === null ? null : upstream.instance,
          latencyMs: upstream === null ? 0 : upstream.settledAtMs - ctx.atMs,
        });
      });
      return { verdict: 'pass', note: 'will log the response' };
    },
    // A dry run must not write to the real log.
    fork: () => accessLogStage(() => {}, profile),
  };
}

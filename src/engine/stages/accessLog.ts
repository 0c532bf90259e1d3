import {
  afterResponse,
  type AfterResponse,
  type GatewayStage,
  type StageOutcome,
} from '../pipeline/types';
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
 * The access log's store: the last `limit` lines in a ring of columns, one array per field, so
 * writing a line allocates nothing (a log of 100,000 objects costs the garbage collector more
 * than the rest of the pipeline). `records()` builds the objects when someone reads them. The
 * columns start small and double up to `limit`, so a short log (or one that is off) costs little.
 */
export class AccessLog {
  private timeMs = new Float64Array(0);
  private latencyMs = new Float64Array(0);
  private status = new Int32Array(0);
  private id: (string | null)[] = [];
  private client: (string | null)[] = [];
  private method: string[] = [];
  private path: string[] = [];
  private decidedBy: string[] = [];
  private upstream: (string | null)[] = [];
  /** Index of the oldest line, and how many there are. */
  private start = 0;
  private count = 0;

  constructor(readonly limit: number) {}

  get size(): number {
    return this.count;
  }

  write(
    timeMs: number,
    id: string | null,
    client: string | null,
    method: string,
    path: string,
    status: number,
    decidedBy: string,
    upstream: string | null,
    latencyMs: number,
  ): void {
    const capacity = this.timeMs.length;
    if (this.count === capacity && capacity < this.limit) this.grow();
    const size = this.timeMs.length;
    let at = this.start + this.count;
    if (at >= size) at -= size;
    if (this.count === size) this.start = this.start + 1 === size ? 0 : this.start + 1;
    else this.count++;
    this.timeMs[at] = timeMs;
    this.id[at] = id;
    this.client[at] = client;
    this.method[at] = method;
    this.path[at] = path;
    this.status[at] = status;
    this.decidedBy[at] = decidedBy;
    this.upstream[at] = upstream;
    this.latencyMs[at] = latencyMs;
  }

  /** The lines, oldest first. */
  records(): AccessLogRecord[] {
    const out: AccessLogRecord[] = [];
    for (let n = 0; n < this.count; n++) {
      const i = (this.start + n) % this.timeMs.length;
      out.push({
        timeMs: this.timeMs[i] as number,
        id: this.id[i] ?? null,
        client: this.client[i] ?? null,
        method: this.method[i] as string,
        path: this.path[i] as string,
        status: this.status[i] as number,
        decidedBy: this.decidedBy[i] as string,
        upstream: this.upstream[i] ?? null,
        latencyMs: this.latencyMs[i] as number,
      });
    }
    return out;
  }

  clear(): void {
    this.start = 0;
    this.count = 0;
  }

  /** Doubles the columns (at most to `limit`), oldest line first again. */
  private grow(): void {
    const size = Math.min(this.limit, Math.max(1024, this.timeMs.length * 2));
    const order = (n: number) => (this.start + n) % this.timeMs.length;
    const numbers = <A extends Float64Array | Int32Array>(old: A, fresh: A): A => {
      for (let n = 0; n < this.count; n++) fresh[n] = old[order(n)] as number;
      return fresh;
    };
    const strings = <T>(old: T[]): T[] => {
      const fresh = new Array<T>(size).fill(null as T);
      for (let n = 0; n < this.count; n++) fresh[n] = old[order(n)] as T;
      return fresh;
    };
    this.timeMs = numbers(this.timeMs, new Float64Array(size));
    this.latencyMs = numbers(this.latencyMs, new Float64Array(size));
    this.status = numbers(this.status, new Int32Array(size));
    this.id = strings(this.id);
    this.client = strings(this.client);
    this.method = strings(this.method);
    this.path = strings(this.path);
    this.decidedBy = strings(this.decidedBy);
    this.upstream = strings(this.upstream);
    this.start = 0;
  }
}

/** The log's outcome is the same for every request: made once. */
const WILL_LOG: StageOutcome = Object.freeze({ verdict: 'pass', note: 'will log the response' });

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

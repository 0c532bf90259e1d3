// What our engine says nginx will do with each request of a trace, fed with nginx's own arrival
// times, and where that disagrees with what nginx did. Built only from the engine's pure pieces
// (normaliseNginxPath, matchNginxLocation, LeakyBucketLimiter) and a description of the config.
import { LeakyBucketLimiter } from '../../src/engine/limiters/leakyBucket';
import { type NginxLocation, matchNginxLocation } from '../../src/engine/nginxLocation';
import { normaliseNginxPath } from '../../src/engine/nginxPath';
import type { TraceResult } from './harness';

/** `limit_req_zone KEY zone=NAME rate=…`: `rate` requests per `windowMs` (1000 for r/s, 60000 for r/m). */
export interface LimitZone {
  readonly rate: number;
  readonly windowMs: number;
  /** `$binary_remote_addr` (every request here comes from 127.0.0.1) or `$http_x_api_key`. */
  readonly key: 'client' | 'apiKey';
}

/** `limit_req zone=NAME burst=… [nodelay]` in force for a location. */
export interface LimitUse {
  readonly zone: string;
  readonly burst: number;
  readonly nodelay: boolean;
}

export interface ModelLocation extends NginxLocation {
  /**
   * `proxy_pass http://upstream;` (no URI part: the request is passed on as the client sent it).
   * Several names: an upstream with several servers, any of which may answer.
   */
  readonly upstream?: string | readonly string[];
  /** `return N;`: answered in the rewrite phase, before limit_req could run. */
  readonly returns?: number;
  readonly limit?: LimitUse;
}

export interface NginxConfigModel {
  readonly zones: Readonly<Record<string, LimitZone>>;
  readonly locations: readonly ModelLocation[];
  /** A `map` of these keys and a server-level `if ($api_key_ok = 0) { return 401; }`. */
  readonly apiKeys?: readonly string[];
  /** `limit_req_status`; nginx's default is 503. */
  readonly limitStatus: number;
}

type LimitOutcome = 'PASSED' | 'DELAYED' | 'REJECTED';

/** What nginx should have done with one request. */
interface Expectation {
  readonly status: number;
  /** For a proxied 200: the upstream's answer, `NAME TARGET`, from any of these. */
  readonly bodies?: readonly string[];
  /** For a 301: where to. */
  readonly redirectTo?: string;
  /** `$uri` after normalisation (absent for a 400, where nginx has none). */
  readonly uri?: string;
  readonly limitReq: LimitOutcome | '';
  /** For a DELAYED request: how long limit_req holds it (ms). */
  readonly delayMs?: number;
}

export interface Agreement {
  readonly requests: number;
  readonly agreed: number;
  /** Requests within EDGE_MS of a slot edge, where nginx's clock and ours may round apart. */
  readonly excludedNearEdge: number;
  readonly disagreements: readonly string[];
}

/**
 * How far nginx's clock and the one in its log may differ for one request (ms). Measured, not
 * derived: on a loaded machine (2 cores, load average about 17) the time limit_req used and the
 * logged start (`$msec − $request_time`) differed by 3–5 ms now and then, both in which side of a
 * slot edge a request fell and in how long a delayed request was held. The cause is not pinned
 * down (scheduling between nginx's clock updates is the likely one), so the margin is 5 ms.
 */
const EDGE_MS = 5;
/**
 * A delayed request's `$request_time` may exceed the delay by the proxying and by nginx's timer
 * firing late on a busy machine (over 200 ms seen at a load average of 16 on 2 cores), so only the
 * lower bound is tight: nginx never answers before the model's delay is over.
 */
const DELAY_SLACK_MS = 1000;

interface Accepted {
  readonly key: string;
  readonly atMs: number;
}

/** Replays a zone's accepted requests into a fresh limiter, then asks about one more. */
function limitOutcome(
  zone: LimitZone,
  use: LimitUse,
  history: readonly Accepted[],
  key: string,
  atMs: number,
): { readonly outcome: LimitOutcome; readonly delayMs: number } {
  const limiter = new LeakyBucketLimiter(zone.rate, zone.windowMs, use);
  for (const earlier of history) limiter.allowRequest(earlier.key, earlier.atMs);
  if (!limiter.allowRequest(key, atMs)) return { outcome: 'REJECTED', delayMs: 0 };
  const delayMs = limiter.lastDelayMs;
  return { outcome: delayMs > 0 ? 'DELAYED' : 'PASSED', delayMs };
}

function sameUseEverywhere(model: NginxConfigModel): void {
  const byZone = new Map<string, string>();
  for (const { limit } of model.locations) {
    if (limit === undefined) continue;
    const settings = `${limit.burst}/${limit.nodelay}`;
    const seen = byZone.get(limit.zone);
    if (seen !== undefined && seen !== settings) {
      throw new Error(
        `zone ${limit.zone} is used with different burst/nodelay; the model replays one`,
      );
    }
    byZone.set(limit.zone, settings);
  }
}

/**
 * Compares nginx's answers with the model's, request by request, in the order nginx started them
 * (`startMs`, then connection number). A limited request whose outcome would change if it arrived up
 * to EDGE_MS (5 ms) earlier or later is excluded, and the model then follows what nginx decided.
 */
export function compareWithModel(
  model: NginxConfigModel,
  results: readonly TraceResult[],
): Agreement {
  sameUseEverywhere(model);
  const histories = new Map<string, Accepted[]>();
  const ordered = [...results].sort(
    (a, b) => a.log.startMs - b.log.startMs || a.log.connection - b.log.connection,
  );
  let agreed = 0;
  let excludedNearEdge = 0;
  const disagreements: string[] = [];

  for (const result of ordered) {
    const { request, log } = result;
    let expected: Expectation;
    const uri = normaliseNginxPath(request.target);
    if (!uri.ok) {
      expected = { status: 400, limitReq: '' };
    } else if (model.apiKeys !== undefined && !model.apiKeys.includes(request.apiKey ?? '')) {
      expected = { status: 401, uri: uri.path, limitReq: '' };
    } else {
      const match = matchNginxLocation(model.locations, uri.path, uri.args);
      if (match.kind === 'none') expected = { status: 404, uri: uri.path, limitReq: '' };
      else if (match.kind === 'redirect') {
        expected = { status: 301, redirectTo: match.to, uri: uri.path, limitReq: '' };
      } else {
        const location = match.location;
        const limit = location.limit;
        const zone = limit === undefined ? undefined : model.zones[limit.zone];
        if (limit !== undefined && zone === undefined) throw new Error(`no zone ${limit.zone}`);
        const key = zone?.key === 'client' ? '127.0.0.1' : (request.apiKey ?? '');
        let limitReq: LimitOutcome | '' = '';
        let delayMs = 0;
        if (
          location.returns === undefined &&
          limit !== undefined &&
          zone !== undefined &&
          key !== ''
        ) {
          const history = histories.get(limit.zone) ?? [];
          histories.set(limit.zone, history);
          const around: LimitOutcome[] = [];
          for (let shift = -EDGE_MS; shift <= EDGE_MS; shift++) {
            around.push(limitOutcome(zone, limit, history, key, log.startMs + shift).outcome);
          }
          const decision = limitOutcome(zone, limit, history, key, log.startMs);
          const outcome = decision.outcome;
          if (around.some((o) => o !== outcome)) {
            excludedNearEdge++;
            // Follow nginx: record its acceptance at the nearest time the model accepts too.
            if (log.limitReq === 'PASSED' || log.limitReq === 'DELAYED') {
              const shifts = [
                0,
                ...Array.from({ length: EDGE_MS }, (_, i) => [-(i + 1), i + 1]).flat(),
              ];
              const shift = shifts.find((s) => around[s + EDGE_MS] !== 'REJECTED') ?? 0;
              history.push({ key, atMs: log.startMs + shift });
            }
            continue;
          }
          if (outcome !== 'REJECTED') history.push({ key, atMs: log.startMs });
          limitReq = outcome;
          delayMs = decision.delayMs;
        }
        if (location.returns !== undefined)
          expected = { status: location.returns, uri: uri.path, limitReq };
        else if (limitReq === 'REJECTED')
          expected = { status: model.limitStatus, uri: uri.path, limitReq };
        else {
          const names = location.upstream ?? '?';
          const bodies = (typeof names === 'string' ? [names] : names).map(
            (name) => `${name} ${request.target}`,
          );
          expected = {
            status: 200,
            bodies,
            uri: uri.path,
            limitReq,
            ...(delayMs > 0 ? { delayMs } : {}),
          };
        }
      }
    }
    const wrong = differences(expected, result);
    if (wrong.length === 0) agreed++;
    else disagreements.push(`${request.target} at ${log.startMs} ms: ${wrong.join('; ')}`);
  }
  return { requests: results.length, agreed, excludedNearEdge, disagreements };
}

function differences(expected: Expectation, { response, log }: TraceResult): string[] {
  const wrong: string[] = [];
  if (response.status !== expected.status || log.status !== expected.status) {
    wrong.push(`status ${response.status} (logged ${log.status}), model ${expected.status}`);
  }
  if (expected.bodies !== undefined && !expected.bodies.includes(response.body)) {
    wrong.push(`body "${response.body}", model "${expected.bodies.join('" or "')}"`);
  }
  if (expected.redirectTo !== undefined) {
    const to = response.location === null ? null : new URL(response.location, 'http://x');
    const got = to === null ? 'none' : `${to.pathname}${to.search}`;
    if (got !== expected.redirectTo) wrong.push(`Location ${got}, model ${expected.redirectTo}`);
  }
  if (expected.uri !== undefined && log.uri !== expected.uri) {
    wrong.push(`$uri ${log.uri}, model ${expected.uri}`);
  }
  const { delayMs } = expected;
  if (delayMs !== undefined) {
    const heldMs = log.requestTimeMs;
    if (heldMs < delayMs - EDGE_MS || heldMs > delayMs + DELAY_SLACK_MS) {
      wrong.push(`held ${heldMs} ms ($request_time), model delays ${delayMs} ms`);
    }
  }
  if (log.limitReq !== expected.limitReq) {
    wrong.push(`$limit_req_status "${log.limitReq}", model "${expected.limitReq}"`);
  }
  return wrong;
}

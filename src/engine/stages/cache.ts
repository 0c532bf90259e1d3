import { requirePositive } from '../errors';
import { afterResponse, type AfterResponse, type GatewayStage } from '../pipeline/types';
import { LESSON_PROFILE } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import type { GatewayProfile } from '../profiles/types';
import { pathOnly } from '../routing';

export interface CacheOptions {
  /** How long a stored response may be served. */
  readonly ttlMs: number;
}

/** A stored response, servable from `storedAtMs` (when it came back) until just before `expiresAtMs`. */
export interface CacheEntry {
  readonly status: number;
  readonly body: string;
  readonly storedAtMs: number;
  readonly expiresAtMs: number;
}

/** Only these methods are cached (Kong proxy-cache's default `request_method`). */
export function isCacheable(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** The cache key: method and path (normalised when that stage is on); the query string is ignored. */
export function cacheKey(method: string, path: string): string {
  return `${method} ${pathOnly(path)}`;
}

/**
 * The response cache. A GET or HEAD whose key holds a fresh entry is answered at the gateway
 * (`respond`, `X-Cache-Status: Hit`) and never reaches a service; any other GET or HEAD is a Miss
 * and its 200 from the service is stored when the answer is back (its `settledAtMs`, see
 * `Upstreams`); other methods are a Bypass. An entry is never served at or past its expiry. One
 * entry per key: a later answer replaces it only once it has expired by then.
 */
export function cacheStage(
  options: CacheOptions,
  profile: GatewayProfile = LESSON_PROFILE,
  entries: Map<string, CacheEntry> = new Map(),
): GatewayStage {
  requirePositive('ttlMs', options.ttlMs);
  const header = profile.cacheStatusHeader;
  // One hook for every Miss; later stages leave `context.path` as the cache saw it.
  const store: AfterResponse = (context, response) => {
    const upstream = response.upstream;
    if (upstream === null || upstream.outcome !== 'ok' || response.status !== 200) return;
    const key = cacheKey(context.method, context.path);
    const storedAtMs = upstream.settledAtMs;
    const held = entries.get(key);
    if (held !== undefined && held.expiresAtMs > storedAtMs && held.storedAtMs <= storedAtMs)
      return;
    entries.set(key, {
      status: response.status,
      body: response.body,
      storedAtMs,
      expiresAtMs: storedAtMs + options.ttlMs,
    });
  };
  return {
    ...describeStage(profile, 'cache'),
    learnsFromResponses: true,
    run(context) {
      if (!isCacheable(context.method)) {
        context.headers[header] = 'Bypass';
        return { verdict: 'pass', note: `${context.method} is never cached` };
      }
      const key = cacheKey(context.method, context.path);
      const entry = entries.get(key);
      const now = context.atMs;
      if (entry !== undefined && entry.storedAtMs <= now && now < entry.expiresAtMs) {
        context.headers[header] = 'Hit';
        context.headers['Age'] = String(Math.floor((now - entry.storedAtMs) / 1000));
        return {
          verdict: 'respond',
          note: `Hit: stored ${Math.round(now - entry.storedAtMs)} ms ago`,
          status: entry.status,
          body: entry.body,
        };
      }
      if (entry !== undefined && now >= entry.expiresAtMs) entries.delete(key);
      context.headers[header] = 'Miss';
      afterResponse(context, store);
      return { verdict: 'pass', note: `Miss: ${key} not in the cache` };
    },
    fork: () => cacheStage(options, profile, new Map(entries)),
  };
}

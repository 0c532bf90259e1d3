import { requirePositive } from '../errors';
import { afterResponse, stopWith, type AfterResponse, type GatewayStage } from '../pipeline/types';
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
 * Stored responses by method, then by path without its query string: a look-up reads two maps
 * with strings the request already has, where one `cacheKey` string per look-up had to be built
 * and hashed on every request.
 */
class CacheEntries {
  private readonly byMethod = new Map<string, Map<string, CacheEntry>>();

  /** From entries keyed as `cacheKey` writes them (`GET /api/users`). */
  static fromKeys(entries: ReadonlyMap<string, CacheEntry>): CacheEntries {
    const out = new CacheEntries();
    for (const [key, entry] of entries) {
      // `cacheKey` writes the method, a space, then the path; a key without a space is none of its.
      const space = key.indexOf(' ');
      if (space !== -1) out.set(key.slice(0, space), key.slice(space + 1), entry);
    }
    return out;
  }

  get(method: string, path: string): CacheEntry | undefined {
    return this.byMethod.get(method)?.get(path);
  }

  set(method: string, path: string, entry: CacheEntry): void {
    let byPath = this.byMethod.get(method);
    if (byPath === undefined) {
      byPath = new Map();
      this.byMethod.set(method, byPath);
    }
    byPath.set(path, entry);
  }

  delete(method: string, path: string): void {
    this.byMethod.get(method)?.delete(path);
  }

  copy(): CacheEntries {
    const out = new CacheEntries();
    for (const [method, byPath] of this.byMethod) out.byMethod.set(method, new Map(byPath));
    return out;
  }
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
  entries: ReadonlyMap<string, CacheEntry> = new Map(),
): GatewayStage {
  return cacheStageOver(options, profile, CacheEntries.fromKeys(entries));
}

function cacheStageOver(
  options: CacheOptions,
  profile: GatewayProfile,
  entries: CacheEntries,
): GatewayStage {
  requirePositive('ttlMs', options.ttlMs);
  const header = profile.cacheStatusHeader;
  // One hook for every Miss; later stages leave `context.path` as the cache saw it.
  const store: AfterResponse = (context, response) => {
    const upstream = response.upstream;
    if (upstream === null || upstream.outcome !== 'ok' || response.status !== 200) return;
    const path = pathOnly(context.path);
    const storedAtMs = upstream.settledAtMs;
    const held = entries.get(context.method, path);
    if (held !== undefined && held.expiresAtMs > storedAtMs && held.storedAtMs <= storedAtMs)
      return;
    entries.set(context.method, path, {
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
      const path = pathOnly(context.path);
      const entry = entries.get(context.method, path);
      const now = context.atMs;
      if (entry !== undefined && entry.storedAtMs <= now && now < entry.expiresAtMs) {
        context.headers[header] = 'Hit';
        context.headers['Age'] = String(Math.floor((now - entry.storedAtMs) / 1000));
        return stopWith(
          'respond',
          `Hit: stored ${Math.round(now - entry.storedAtMs)} ms ago`,
          entry,
        );
      }
      if (entry !== undefined && now >= entry.expiresAtMs) entries.delete(context.method, path);
      context.headers[header] = 'Miss';
      afterResponse(context, store);
      return { verdict: 'pass', note: `Miss: ${cacheKey(context.method, path)} not in the cache` };
    },
    fork: () => cacheStageOver(options, profile, entries.copy()),
  };
}

import { requirePositive } from '../errors';
import {
  afterResponse,
  stopWith,
  type AfterResponse,
  type GatewayStage,
  type StageOutcome,
} from '../pipeline/types';
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
 * What the cache holds for one method and path: the stored response, if any, and its Miss (the
 * same outcome on every miss, so made once).
 */
interface CacheSlot {
  entry: CacheEntry | null;
  readonly miss: StageOutcome;
}

/**
 * Stored responses by path without its query string, a map for each cacheable method: a look-up
 * reads one map with a string the request already has (one `cacheKey` string per look-up had to
 * be built and hashed on every request).
 */
class CacheEntries {
  private readonly gets = new Map<string, CacheSlot>();
  private readonly heads = new Map<string, CacheSlot>();

  /** From entries keyed as `cacheKey` writes them (`GET /api/users`); other methods are never read. */
  static fromKeys(entries: ReadonlyMap<string, CacheEntry>): CacheEntries {
    const out = new CacheEntries();
    for (const [key, entry] of entries) {
      // `cacheKey` writes the method, a space, then the path; a key without a space is none of its.
      const space = key.indexOf(' ');
      if (space === -1) continue;
      const slot = out.slot(key.slice(0, space), key.slice(space + 1));
      if (slot !== undefined) slot.entry = entry;
    }
    return out;
  }

  /** The slot of a cacheable method's path (empty when first asked); undefined for other methods. */
  slot(method: string, path: string): CacheSlot | undefined {
    if (!isCacheable(method)) return undefined;
    const byPath = method === 'GET' ? this.gets : this.heads;
    let slot = byPath.get(path);
    if (slot === undefined) {
      const note = `Miss: ${cacheKey(method, path)} not in the cache`;
      slot = { entry: null, miss: { verdict: 'pass', note } };
      byPath.set(path, slot);
    }
    return slot;
  }

  copy(): CacheEntries {
    const out = new CacheEntries();
    for (const [path, slot] of this.gets) out.gets.set(path, { ...slot });
    for (const [path, slot] of this.heads) out.heads.set(path, { ...slot });
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
    // Only a Miss hooks this, so the method is a cacheable one and the slot is there.
    const slot = entries.slot(context.method, pathOnly(context.path)) as CacheSlot;
    const storedAtMs = upstream.settledAtMs;
    const held = slot.entry;
    if (held !== null && held.expiresAtMs > storedAtMs && held.storedAtMs <= storedAtMs) return;
    slot.entry = {
      status: response.status,
      body: response.body,
      storedAtMs,
      expiresAtMs: storedAtMs + options.ttlMs,
    };
  };
  // The Bypass of the last method that was one (nearly always the same few methods).
  let bypassed: StageOutcome = { verdict: 'pass', note: '' };
  let bypassedMethod: string | null = null;
  const bypass = (method: string): StageOutcome => {
    if (method !== bypassedMethod) {
      bypassed = { verdict: 'pass', note: `${method} is never cached` };
      bypassedMethod = method;
    }
    return bypassed;
  };
  return {
    ...describeStage(profile, 'cache'),
    learnsFromResponses: true,
    run(context) {
      const slot = entries.slot(context.method, pathOnly(context.path));
      if (slot === undefined) {
        context.headers[header] = 'Bypass';
        return bypass(context.method);
      }
      const entry = slot.entry;
      const now = context.atMs;
      if (entry !== null && entry.storedAtMs <= now && now < entry.expiresAtMs) {
        context.headers[header] = 'Hit';
        context.headers['Age'] = String(Math.floor((now - entry.storedAtMs) / 1000));
        return stopWith(
          'respond',
          `Hit: stored ${Math.round(now - entry.storedAtMs)} ms ago`,
          entry,
        );
      }
      if (entry !== null && now >= entry.expiresAtMs) slot.entry = null;
      context.headers[header] = 'Miss';
      afterResponse(context, store);
      return slot.miss;
    },
    fork: () => cacheStageOver(options, profile, entries.copy()),
  };
}

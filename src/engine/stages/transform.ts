import { BoundedMap } from '../boundedMap';
import type { GatewayStage } from '../pipeline/types';
import { LESSON_PROFILE } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import type { GatewayProfile } from '../profiles/types';
import { normalisePrefix, pathOnly } from '../routing';

export interface TransformOptions {
  /** Remove the matched route's prefix from the forwarded path (Kong `strip_path`). */
  readonly stripPrefix: boolean;
  /** Tell the service who called, by a consumer id derived from the key. */
  readonly addConsumer: boolean;
  /** Do not pass the API key on: the service trusts the gateway, not the key. */
  readonly removeKey: boolean;
}

export const DEFAULT_TRANSFORM: TransformOptions = {
  stripPrefix: true,
  addConsumer: true,
  removeKey: true,
};

/** A stable consumer id for a key (FNV-1a, hex), so the service never sees the key itself. */
export function consumerId(apiKey: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < apiKey.length; i++) {
    hash ^= apiKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `consumer-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * Consumer ids by key, each hashed once: the same few keys call again and again. Forgets them all
 * past a bound, as a learner may type any number of keys.
 */
class ConsumerIds {
  private readonly byKey = new BoundedMap<string, string>(10_000);

  of(apiKey: string): string {
    let id = this.byKey.get(apiKey);
    if (id === undefined) {
      id = consumerId(apiKey);
      this.byKey.set(apiKey, id);
    }
    return id;
  }
}

/** `first; next`, or `next` alone when there is no first. */
function andThen(first: string, next: string): string {
  return first === '' ? next : `${first}; ${next}`;
}

/** `/api/users/7` under the prefix `/api/users` → `/7`; the whole prefix → `/`. */
export function stripRoutePrefix(path: string, prefix: string): string {
  const base = normalisePrefix(prefix);
  if (base === '/' || !path.startsWith(base)) return path;
  const rest = path.slice(base.length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** Request transformation: rewrites the request the service gets; stands after the router. */
export function transformStage(
  options: TransformOptions,
  profile: GatewayProfile = LESSON_PROFILE,
): GatewayStage {
  const consumers = new ConsumerIds();
  const removedKey = `${profile.keyHeader} removed`;
  return {
    ...describeStage(profile, 'transform'),
    run(context) {
      // The changes made, joined with '; ' as they are made (no array per request).
      let note = '';
      const route = context.route;
      if (options.stripPrefix && route !== null) {
        const path = pathOnly(context.path);
        const stripped = stripRoutePrefix(path, route.path);
        context.forwardPath = stripped;
        if (stripped !== path) note = `path ${path} → ${stripped}`;
      }
      const key = context.request.apiKey;
      if (options.addConsumer && key !== undefined && key !== null && key !== '') {
        const consumer = consumers.of(key);
        (context.forwardHeaders ??= {})[profile.consumerHeader] = consumer;
        note = andThen(note, `${profile.consumerHeader}: ${consumer}`);
      }
      if (options.removeKey) {
        (context.forwardHeaders ??= {})[profile.keyHeader] = null;
        note = andThen(note, removedKey);
      }
      return { verdict: 'pass', note: note === '' ? 'unchanged' : note };
    },
  };
}

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
  return {
    ...describeStage(profile, 'transform'),
    run(context) {
      const changes: string[] = [];
      const route = context.route;
      if (options.stripPrefix && route !== null) {
        const path = pathOnly(context.path);
        const stripped = stripRoutePrefix(path, route.path);
        context.forwardPath = stripped;
        if (stripped !== path) changes.push(`path ${path} → ${stripped}`);
      }
      const key = context.request.apiKey;
      if (options.addConsumer && key !== undefined && key !== null && key !== '') {
        const consumer = consumerId(key);
        (context.forwardHeaders ??= {})[profile.consumerHeader] = consumer;
        changes.push(`${profile.consumerHeader}: ${consumer}`);
      }
      if (options.removeKey) {
        (context.forwardHeaders ??= {})[profile.keyHeader] = null;
        changes.push(`${profile.keyHeader} removed`);
      }
      return { verdict: 'pass', note: changes.length === 0 ? 'unchanged' : changes.join('; ') };
    },
  };
}

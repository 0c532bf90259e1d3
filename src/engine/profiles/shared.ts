import type { StageInfo, StageName } from '../pipeline/types';
import { pathOnly, type Route } from '../routing';
import type { GatewayProfile, Refusal } from './types';

/** `{"message":"…"}`, the JSON body Kong and AWS API Gateway answer their own errors with. */
export function jsonMessage(message: string): string {
  return JSON.stringify({ message });
}

/**
 * The HTML page nginx writes for a status it answers itself, as with `server_tokens off` (the
 * default also names the version, e.g. `nginx/1.22.1`).
 */
export function nginxPage(status: number, reason: string): Refusal {
  const title = `${status} ${reason}`;
  return {
    status,
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
}

/** A profile's stage labels: the lesson's, with the gateway's own names where they differ. */
export function stagesWith(
  base: Readonly<Record<StageName, StageInfo>>,
  own: Readonly<Record<StageName, Omit<StageInfo, 'name'>>>,
): Readonly<Record<StageName, StageInfo>> {
  const out: Record<StageName, StageInfo> = { ...base };
  for (const name in own) {
    const info = own[name];
    if (info !== undefined) out[name] = { name, ...info };
  }
  return out;
}

/** Does `route` match as a plain string (`/api/users` matches `/api/usersX`), query ignored? */
function stringMatches(route: Route, requestPath: string): boolean {
  return route.match === 'exact' ? requestPath === route.path : requestPath.startsWith(route.path);
}

/**
 * Kong's choice among plain paths: an exact route (a regex path `~/api/users$` in Kong, which
 * ranks regexes over prefixes) first, then the longest plain string prefix.
 */
export function matchStringPrefixLongest(routes: readonly Route[], path: string): Route | null {
  const requestPath = pathOnly(path);
  let best: Route | null = null;
  for (const route of routes) {
    if (!stringMatches(route, requestPath)) continue;
    if (route.match === 'exact') return route;
    if (best === null || route.path.length > best.path.length) best = route;
  }
  return best;
}

/** Envoy's choice: the first route in the list whose `prefix` (plain string) or `path` matches. */
export function matchFirstListed(routes: readonly Route[], path: string): Route | null {
  const requestPath = pathOnly(path);
  for (const route of routes) if (stringMatches(route, requestPath)) return route;
  return null;
}

/** Whole seconds, at least 1, for a wait in ms. */
export function wholeSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * A real gateway's answer for a forwarded request: the service's own 200 or 500 passed back as it
 * is (real gateways do not turn a service's 500 into a 502), the gateway's own refusal when the
 * connection failed or timed out.
 */
export function passThroughUpstream(own: {
  readonly refused: Refusal;
  readonly timeout: Refusal;
}): GatewayProfile['upstreamAnswer'] {
  return (outcome, { url }) => {
    if (outcome === 'ok') return { status: 200, body: `Routed to ${url}` };
    if (outcome === 'error')
      return { status: 500, body: 'Internal Server Error (from the service)' };
    return outcome === 'refused' ? own.refused : own.timeout;
  };
}

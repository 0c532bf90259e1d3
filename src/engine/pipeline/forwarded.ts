import type { GatewayRequest } from './types';

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The headers a request leaves with: the arrival's, then its API key under `keyHeader`, then the
 * stages' changes (a value sets a header, null or undefined removes it). Names keep the place they
 * were first set in. A removed header is never set, rather than set and deleted: `delete` turns
 * an object into a slow dictionary, and the transform stage removes the key on every request.
 */
export function forwardedHeaders(
  request: GatewayRequest,
  keyHeader: string,
  changes: Readonly<Record<string, string | null | undefined>> | null,
): Readonly<Record<string, string>> {
  const hasKey = request.apiKey !== undefined && request.apiKey !== null && request.apiKey !== '';
  const given = request.headers;
  if (changes === null && !hasKey && given === undefined) return NO_HEADERS;
  const headers: Record<string, string> = {};
  if (given !== undefined)
    for (const name of Object.keys(given))
      if (!removes(changes, name)) headers[name] = given[name] as string;
  if (hasKey && !removes(changes, keyHeader)) headers[keyHeader] = request.apiKey as string;
  if (changes !== null) {
    for (const name in changes) {
      const value = changes[name];
      if (value !== null && value !== undefined) headers[name] = value;
    }
  }
  return headers;
}

/** Do the stages remove header `name` (a change of null or undefined)? */
function removes(
  changes: Readonly<Record<string, string | null | undefined>> | null,
  name: string,
): boolean {
  return changes !== null && Object.hasOwn(changes, name) && (changes[name] ?? null) === null;
}

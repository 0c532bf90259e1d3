/**
 * How the gateway checks API keys. `presence` accepts any non-empty key, as the lesson's code does;
 * `registered` accepts only keys it knows, as real gateways (Kong key-auth, Envoy) do.
 */
export type KeyMode = 'presence' | 'registered';

export type AuthVerdict =
  | { readonly ok: true; readonly note: string }
  | { readonly ok: false; readonly reason: 'missing' | 'unknown'; readonly note: string };

/** Decides whether `apiKey` may pass the authentication stage. */
export function checkApiKey(
  apiKey: string | null | undefined,
  mode: KeyMode,
  registeredKeys: ReadonlySet<string>,
): AuthVerdict {
  if (apiKey === null || apiKey === undefined || apiKey === '') {
    return { ok: false, reason: 'missing', note: 'no API key in the request' };
  }
  if (mode === 'registered' && !registeredKeys.has(apiKey)) {
    return { ok: false, reason: 'unknown', note: `API key "${apiKey}" is not registered` };
  }
  return {
    ok: true,
    note: mode === 'registered' ? `API key "${apiKey}" is registered` : 'an API key is present',
  };
}

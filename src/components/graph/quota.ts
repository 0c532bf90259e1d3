import type { AppState } from '../../store';
import { formatWait } from '../playback/timeline';

/** What a client node says about its quota, from the engine's limiter snapshot. */
export function quotaText(state: AppState, apiKey: string | null): string {
  if (apiKey === null) return 'No key → 401 at Auth';
  const { keyMode, registeredKeys } = state.settings;
  if (keyMode === 'registered' && !registeredKeys.includes(apiKey)) {
    return 'Unregistered key → 401 at Auth';
  }
  try {
    const snapshot = state.gateway.getLimiter().snapshot(apiKey, state.clockMs);
    const left = `${snapshot.remaining} of ${snapshot.limit} left`;
    if (snapshot.msUntilAllowed > 0)
      return `${left} · next in ${formatWait(snapshot.msUntilAllowed)}`;
    return left;
  } catch {
    return 'Quota unavailable (the limiter failed)';
  }
}

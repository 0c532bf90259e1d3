import type { AppState } from '../../store';
import { formatWait } from '../playback/timeline';

/** What a client node says about its quota, from the engine's limiter snapshot. */
export function quotaText(state: AppState, apiKey: string | null): string {
  const auth = state.gateway.authenticate(apiKey);
  if (!auth.ok) {
    return auth.reason === 'missing' ? 'No key → 401 at Auth' : 'Unregistered key → 401 at Auth';
  }
  try {
    const snapshot = state.gateway.getLimiter().snapshot(apiKey ?? '', state.clockMs);
    const left = `${snapshot.remaining} of ${snapshot.limit} left`;
    if (snapshot.msUntilAllowed > 0)
      return `${left} · next in ${formatWait(snapshot.msUntilAllowed)}`;
    return left;
  } catch {
    return 'Quota unavailable (the limiter failed)';
  }
}

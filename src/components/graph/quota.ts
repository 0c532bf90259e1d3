import type { AppState } from '../../store';
import { limiterWaitText } from '../countdown/limiterWait';

/** What a client node says about its quota, from the engine's limiter snapshot. */
export function quotaText(state: AppState, apiKey: string | null): string {
  const auth = state.gateway.authenticate(apiKey);
  if (!auth.ok) {
    return auth.reason === 'missing' ? 'No key → 401 at Auth' : 'Unregistered key → 401 at Auth';
  }
  try {
    const snapshot = state.gateway.getLimiter().snapshot(apiKey ?? '', state.clockMs);
    const left = `${snapshot.remaining} of ${snapshot.limit} left`;
    const wait =
      snapshot.msUntilAllowed > 0 ? limiterWaitText(state, apiKey ?? '', 'allowed') : null;
    return wait === null ? left : `${left} · next in ${wait}`;
  } catch {
    return 'Quota unavailable (the limiter failed)';
  }
}

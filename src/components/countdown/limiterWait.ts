import type { AppState } from '../../store';
import { formatWait } from '../playback/timeline';

/** Which wait: until the next request passes, or until one more slot frees up. */
export type WaitKind = 'allowed' | 'slot';

/**
 * A client's limiter wait as every countdown on the page shows it: read from the limiter at the
 * live clock and rounded by one function. The client node and the window strip both use it, so
 * they never read 55.0 s and 55.1 s for the same wait. Null when there is no wait (or no limiter
 * answer).
 */
export function limiterWaitText(state: AppState, apiKey: string, kind: WaitKind): string | null {
  try {
    const snapshot = state.gateway.getLimiter().snapshot(apiKey, state.clockMs);
    const waitMs = kind === 'allowed' ? snapshot.msUntilAllowed : snapshot.msUntilNextSlot;
    return waitMs > 0 ? formatWait(waitMs) : null;
  } catch {
    return null;
  }
}

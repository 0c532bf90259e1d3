import type { RequestTrace } from '../../engine';
import type { AppState } from '../../store';
import { limiterWaitText } from '../countdown/limiterWait';
import { TraceTimes, upperBound } from '../../store/traceTimes';

/** When each request passed the rate-limit stage on the graph, per key: kept up to date per frame. */
const limiterPasses = new TraceTimes<string>((trace) => {
  const limited = trace.events.find((e) => e.type === 'stage' && e.stage === 'rate-limit');
  const apiKey = trace.request.apiKey;
  return limited?.type === 'stage' && limited.verdict === 'pass' && apiKey !== null
    ? { key: apiKey, atMs: limited.atMs }
    : null;
});

/**
 * How many of this key's requests the limiter has already counted (the gateway decides on
 * arrival) but whose packets have not yet reached the rate-limit stage on the graph at `atMs`:
 * the quota shown drops when the packet passes the limiter, as the lesson tells it. A binary
 * search: the client nodes ask every frame, during bursts of thousands.
 */
export function countedAhead(
  traces: readonly RequestTrace[],
  apiKey: string,
  atMs: number,
): number {
  const times = limiterPasses.follow(traces).times(apiKey);
  return times.length - upperBound(times, atMs);
}

/**
 * What a client node says about its quota, from the engine's limiter snapshot; `short` for the
 * phone's narrow nodes.
 */
export function quotaText(state: AppState, apiKey: string | null, short = false): string {
  const auth = state.gateway.authenticate(apiKey);
  if (!auth.ok) {
    if (short) return auth.reason === 'missing' ? 'No key → 401' : 'Bad key → 401';
    return auth.reason === 'missing' ? 'No key → 401 at Auth' : 'Unregistered key → 401 at Auth';
  }
  try {
    const key = apiKey ?? '';
    const snapshot = state.gateway.getLimiter().snapshot(key, state.clockMs);
    const remaining = Math.min(
      snapshot.limit,
      snapshot.remaining + countedAhead(state.traces, key, state.clockMs),
    );
    const left = short
      ? `${remaining}/${snapshot.limit} left`
      : `${remaining} of ${snapshot.limit} left`;
    const wait = snapshot.msUntilAllowed > 0 ? limiterWaitText(state, key, 'allowed') : null;
    return wait === null ? left : `${left} · next in ${wait}`;
  } catch {
    return 'Quota unavailable (the limiter failed)';
  }
}

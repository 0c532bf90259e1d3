import { useAppStore, useWindowTraces, type AppState } from '../../store';
import { limiterLimits } from '../../store/challengeSlice';
import type { ClientProfile } from '../../content/services';
import { LiveWait } from '../countdown/LiveWait';
import { countedAhead } from '../graph/quota';
import { pacedAppState, usePacedAppStore } from './pacedState';
import { formatClock } from './timeline';
import { windowStrip } from './windowStrip';

/** Most blocks stacked at one spot of the strip. */
const STACK = 5;

/**
 * Re-render five times per simulated second at most, at the readouts' pace (so with the other
 * readouts, in the same frame): the strip need not move every frame.
 */
const selectTick = (s: AppState) => Math.floor(s.clockMs / 200);

/** One client's rate-limit window: allowed marks, refusals, what is left and when the next slot comes. */
export function WindowPanel({ client }: { client: ClientProfile }) {
  usePacedAppStore(selectTick);
  const traces = useWindowTraces((s) => s.traces);
  const windowMs = useAppStore((s) => limiterLimits(s).windowMs);
  const { gateway, clockMs } = pacedAppState.getState();
  const apiKey = client.apiKey;
  // The engine says whether this client gets past Auth at all (no key, or a key it does not know).
  const auth = gateway.authenticate(apiKey);
  if (apiKey === null || !auth.ok) {
    return (
      <section className="window-panel" aria-label="Rate-limit window">
        <h3>Rate-limit window: {client.label}</h3>
        <p>
          {apiKey === null
            ? 'This client sends no API key.'
            : `The gateway does not know the key ${apiKey}.`}{' '}
          Auth refuses it with 401 before the rate limiter runs, so it never uses quota.
        </p>
      </section>
    );
  }
  let snapshot;
  try {
    snapshot = gateway.getLimiter().snapshot(apiKey, clockMs);
  } catch (error) {
    return (
      <section className="window-panel" aria-label="Rate-limit window">
        <h3>Rate-limit window: {client.label}</h3>
        <p className="field-problem">The limiter could not report its state: {String(error)}</p>
      </section>
    );
  }
  const strip = windowStrip(
    // The limiter that is really installed: the learner's own stands in for the chosen one.
    gateway.getLimiter().algorithm,
    snapshot,
    windowMs,
    clockMs,
    traces,
    apiKey,
  );
  // As on the client node: a request counts once its packet has passed the rate limiter.
  const remaining = Math.min(
    snapshot.limit,
    snapshot.remaining + countedAhead(pacedAppState.getState().traces, apiKey, clockMs),
  );
  const used = snapshot.limit - remaining;
  return (
    <section className="window-panel" aria-label="Rate-limit window">
      <h3>
        Rate-limit window: {client.label} (key {apiKey})
      </h3>
      <svg
        className="window-strip"
        viewBox="0 0 1000 60"
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        <rect x="0" y="10" width="1000" height="40" className="strip-bg" />
        {strip.kind === 'gauge' && (
          <rect
            x="0"
            y="10"
            width={(1000 * snapshot.remaining) / Math.max(1, snapshot.limit)}
            height="40"
            className="strip-fill"
          />
        )}
        {/* Keyed by place in the list, not by position: as the window slides every block moves,
            and React then moves them instead of removing and adding them all five times a second. */}
        {strip.allowed.flatMap((spot, i) =>
          // One block per allowed request at this spot, stacked: five stacked blocks = window full.
          Array.from({ length: Math.min(spot.count, STACK) }, (_, k) => (
            <rect
              key={`a${i}-${k}`}
              x={spot.at * 1000 - 6}
              y={50 - (k + 1) * 8 + 1}
              width="12"
              height="7"
              className="strip-allowed"
            />
          )),
        )}
        {strip.refused.map((spot, i) => (
          <path
            key={`r${i}`}
            d={`M${spot.at * 1000 - 7} 18 l14 24 m0 -24 l-14 24`}
            className="strip-refused"
          />
        ))}
        {strip.kind !== 'gauge' && (
          <line x1={strip.now * 1000} x2={strip.now * 1000} y1="2" y2="58" className="strip-now" />
        )}
      </svg>
      {strip.kind !== 'gauge' && (
        <div className="strip-scale">
          <span>
            {strip.kind === 'sliding' ? `${windowMs / 1000} s ago` : formatClock(strip.startMs)}
          </span>
          <span>{strip.kind === 'sliding' ? 'now' : formatClock(strip.endMs)}</span>
        </div>
      )}
      <p className="window-facts" data-testid="window-facts">
        <strong>
          {remaining} of {snapshot.limit} left
        </strong>
        {strip.kind === 'sliding' &&
          ` · ${used} allowed in the last ${windowMs / 1000} s (blocks); ✕ = refused with 429 (${strip.refusedCount} in view)`}
        {strip.kind === 'fixed' &&
          ` · window started at ${formatClock(strip.startMs)}, resets at ${formatClock(strip.endMs)}`}
        {/* The countdowns follow the live clock, as the client node's does (one rounding). */}
        {snapshot.msUntilAllowed > 0 ? (
          <>
            {' · next request passes in '}
            <LiveWait apiKey={apiKey} kind="allowed" />
            {` (at ${formatClock(clockMs + snapshot.msUntilAllowed)})`}
          </>
        ) : (
          ' · the next request would pass now'
        )}
        {snapshot.msUntilNextSlot > 0 && remaining < snapshot.limit && (
          <>
            {' · one more slot in '}
            <LiveWait apiKey={apiKey} kind="slot" />
          </>
        )}
      </p>
    </section>
  );
}

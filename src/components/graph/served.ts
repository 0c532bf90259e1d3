import type { HttpStatus, RequestTrace } from '../../engine';
import { TraceTimes, upperBound } from '../../store/traceTimes';
import { decidedAtMsOf } from '../playback/packetPath';

/**
 * When each request was served, per service, kept up to date as the shown traces grow: the
 * service nodes read the same list, so each change costs only its new traces.
 */
const served = new TraceTimes<string>((trace) => {
  const service = trace.decision.service;
  if (service === undefined || service === null) return null;
  const event = trace.events.find((e) => e.type === 'served');
  return event === undefined ? null : { key: service, atMs: event.atMs };
});

/** When each request to `service` was served, in time order. */
export function servedTimes(traces: readonly RequestTrace[], service: string): Float64Array {
  return Float64Array.from(served.follow(traces).times(service));
}

/** How many of the sorted `times` are at or before `clockMs`: a binary search, once per frame. */
export function countUpTo(times: Float64Array, clockMs: number): number {
  return upperBound(times, clockMs);
}

/** When each request's status showed on the graph (its last stage, or its arrival). */
const decided = new TraceTimes<HttpStatus>((trace) => ({
  key: trace.decision.status,
  atMs: decidedAtMsOf(trace),
}));

/**
 * When each request's status was decided on the graph (see decidedAtMsOf), per status, in time
 * order: the gateway counts a request when its packet shows the status, not when it arrives.
 */
export function decidedTimes(
  traces: readonly RequestTrace[],
): ReadonlyMap<HttpStatus, Float64Array> {
  const times = decided.follow(traces);
  const sorted = new Map<HttpStatus, Float64Array>();
  for (const status of times.keys()) sorted.set(status, Float64Array.from(times.times(status)));
  return sorted;
}

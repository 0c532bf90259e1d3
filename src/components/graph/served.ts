import type { HttpStatus, RequestTrace } from '../../engine';
import { decidedAtMsOf } from '../playback/packetPath';

/** When each request to `service` was served, in time order: one pass per change of the traces. */
export function servedTimes(traces: readonly RequestTrace[], service: string): Float64Array {
  const times: number[] = [];
  for (const trace of traces) {
    if (trace.decision.service !== service) continue;
    const served = trace.events.find((event) => event.type === 'served');
    if (served !== undefined) times.push(served.atMs);
  }
  return Float64Array.from(times).sort();
}

/** How many of the sorted `times` are at or before `clockMs`: a binary search, once per frame. */
export function countUpTo(times: Float64Array, clockMs: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((times[mid] as number) <= clockMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * When each request's status was decided on the graph (see decidedAtMsOf), per status, in time
 * order: the gateway counts a request when its packet shows the status, not when it arrives.
 */
export function decidedTimes(
  traces: readonly RequestTrace[],
): ReadonlyMap<HttpStatus, Float64Array> {
  const times = new Map<HttpStatus, number[]>();
  for (const trace of traces) {
    const status = trace.decision.status;
    let list = times.get(status);
    if (list === undefined) times.set(status, (list = []));
    list.push(decidedAtMsOf(trace));
  }
  const sorted = new Map<HttpStatus, Float64Array>();
  for (const [status, list] of times) sorted.set(status, Float64Array.from(list).sort());
  return sorted;
}

import type { RequestTrace } from '../engine';

/** One moment a trace contributes under a key (a service, a status, an API key), or none. */
export type TimeOf<K> = (trace: RequestTrace) => { readonly key: K; readonly atMs: number } | null;

interface Times {
  /** Ascending. */
  atMs: number[];
  /** The trace id of each entry of `atMs`. */
  ids: number[];
}

/**
 * Sorted moments per key over a list of traces, kept up to date as the list grows: the store's
 * trace lists only ever gain new traces at the end and lose old ones at the start (traceWindow.ts),
 * so each new list costs the traces it added, not a pass over all of them. A list from another
 * run (a reset, a rewind) is read from scratch.
 */
export class TraceTimes<K> {
  private byKey = new Map<K, Times>();
  private source: readonly RequestTrace[] | null = null;
  private firstId = 0;
  private lastTrace: RequestTrace | null = null;

  constructor(private readonly timeOf: TimeOf<K>) {}

  /** Brings the moments in step with `traces` (the list as it is now) and returns this. */
  follow(traces: readonly RequestTrace[]): this {
    if (traces === this.source) return this;
    const first = traces[0];
    const last = this.lastTrace;
    // The trace we saw last, at its place in the new list: the same run, grown and/or trimmed.
    const at = first === undefined || last === null ? -1 : last.id - first.id;
    if (at >= 0 && traces[at] === last) {
      if ((first as RequestTrace).id > this.firstId) this.dropBefore((first as RequestTrace).id);
      this.add(traces, at + 1);
    } else {
      this.byKey = new Map();
      this.add(traces, 0);
    }
    this.source = traces;
    this.firstId = first?.id ?? 0;
    this.lastTrace = traces.at(-1) ?? null;
    return this;
  }

  /** Every key with at least one moment. */
  keys(): IterableIterator<K> {
    return this.byKey.keys();
  }

  /** The moments under `key`, ascending. */
  times(key: K): readonly number[] {
    return this.byKey.get(key)?.atMs ?? [];
  }

  /** The last moment under `key` at or before `atMs`, with its trace's id; null if none. */
  latest(key: K, atMs: number): { readonly atMs: number; readonly id: number } | null {
    const times = this.byKey.get(key);
    if (times === undefined) return null;
    const at = upperBound(times.atMs, atMs) - 1;
    return at < 0 ? null : { atMs: times.atMs[at] as number, id: times.ids[at] as number };
  }

  private add(traces: readonly RequestTrace[], from: number): void {
    for (let i = from; i < traces.length; i++) {
      const trace = traces[i] as RequestTrace;
      const entry = this.timeOf(trace);
      if (entry === null) continue;
      let times = this.byKey.get(entry.key);
      if (times === undefined) this.byKey.set(entry.key, (times = { atMs: [], ids: [] }));
      // Moments mostly come in time order: then this is a push.
      const place = upperBound(times.atMs, entry.atMs);
      if (place === times.atMs.length) {
        times.atMs.push(entry.atMs);
        times.ids.push(trace.id);
      } else {
        times.atMs.splice(place, 0, entry.atMs);
        times.ids.splice(place, 0, trace.id);
      }
    }
  }

  /** Forgets the traces that left the list: once per trim of the window, not per frame. */
  private dropBefore(firstId: number): void {
    for (const [key, times] of this.byKey) {
      const atMs: number[] = [];
      const ids: number[] = [];
      for (let i = 0; i < times.ids.length; i++) {
        if ((times.ids[i] as number) < firstId) continue;
        atMs.push(times.atMs[i] as number);
        ids.push(times.ids[i] as number);
      }
      if (ids.length === 0) this.byKey.delete(key);
      else this.byKey.set(key, { atMs, ids });
    }
  }
}

/** How many of the ascending `times` are at or before `ms`: a binary search. */
export function upperBound(times: ArrayLike<number>, ms: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((times[mid] as number) <= ms) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How many of the ascending `times` are before `ms`. */
export function lowerBound(times: ArrayLike<number>, ms: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((times[mid] as number) < ms) low = mid + 1;
    else high = mid;
  }
  return low;
}

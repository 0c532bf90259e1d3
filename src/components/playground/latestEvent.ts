import type { RequestTrace, SimEvent } from '../../engine';

/** One request's events not yet reached by the clock: `next` is the first of them, at `atMs`. */
interface Cursor {
  readonly trace: RequestTrace;
  next: number;
  atMs: number;
}

/** Earlier event first; on a tie the older request, so the newest request's event comes last. */
function before(a: Cursor, b: Cursor): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.trace.id < b.trace.id);
}

/**
 * The latest event at the clock, kept up to date as the clock moves on and requests are decided:
 * a heap of the requests with events still ahead, by their next event. Moving the clock on takes
 * out only the requests with an event since the last call (each jumps straight to its last event
 * by the clock), so the work follows what happened, and the latest event is then read, not
 * looked for: no scan over the requests. A clock going back, or the requests of another run,
 * starts over.
 */
export class LatestEvent {
  private heap: Cursor[] = [];
  private source: readonly RequestTrace[] | null = null;
  private lastTrace: RequestTrace | null = null;
  private atMs = -Infinity;
  private latest: { trace: RequestTrace; event: SimEvent } | null = null;

  /** The latest event at or before `atMs` among `traces` (in arrival order), with its request. */
  at(
    traces: readonly RequestTrace[],
    atMs: number,
  ): { readonly trace: RequestTrace; readonly event: SimEvent } | null {
    this.follow(traces, atMs);
    const heap = this.heap;
    // A request decided just now may bring events older than the latest one: they are passed.
    let latestMs = this.latest?.event.atMs ?? -Infinity;
    let latestId = this.latest?.trace.id ?? -1;
    let latestTrace: RequestTrace | null = null;
    let latestEvent = -1;
    while (heap.length > 0) {
      const top = heap[0] as Cursor;
      if (top.atMs > atMs) break;
      // Straight to its last event by the clock: one heap step per request, not per event.
      const { events } = top.trace;
      let last = top.next;
      while (last + 1 < events.length && (events[last + 1] as SimEvent).atMs <= atMs) last++;
      const lastMs = (events[last] as SimEvent).atMs;
      // On a tie the newer request's event: it was decided later.
      if (lastMs > latestMs || (lastMs === latestMs && top.trace.id > latestId)) {
        latestMs = lastMs;
        latestId = top.trace.id;
        latestTrace = top.trace;
        latestEvent = last;
      }
      const next = events[last + 1];
      if (next === undefined) this.pop();
      else {
        top.next = last + 1;
        top.atMs = next.atMs;
        this.siftDown(0);
      }
    }
    if (latestTrace !== null)
      this.latest = { trace: latestTrace, event: latestTrace.events[latestEvent] as SimEvent };
    this.atMs = atMs;
    return this.latest;
  }

  /** Takes in the requests decided since the last call; starts over for another run. */
  private follow(traces: readonly RequestTrace[], atMs: number): void {
    if (traces === this.source && atMs >= this.atMs) return;
    const first = traces[0];
    const last = this.lastTrace;
    // The request seen last, at its place in the new list: the same run, grown and/or trimmed.
    const place = first === undefined || last === null ? -1 : last.id - first.id;
    const sameRun = atMs >= this.atMs && place >= 0 && traces[place] === last;
    if (!sameRun) {
      this.heap = [];
      this.latest = null;
      this.atMs = -Infinity;
    }
    for (let i = sameRun ? place + 1 : 0; i < traces.length; i++) {
      const trace = traces[i] as RequestTrace;
      const first = trace.events[0];
      if (first !== undefined) this.push({ trace, next: 0, atMs: first.atMs });
    }
    this.source = traces;
    this.lastTrace = traces.at(-1) ?? null;
  }

  private push(cursor: Cursor): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(cursor);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as Cursor;
      if (!before(cursor, above)) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = cursor;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop() as Cursor;
    if (heap.length === 0) return;
    heap[0] = last;
    this.siftDown(0);
  }

  private siftDown(from: number): void {
    const heap = this.heap;
    const n = heap.length;
    const moving = heap[from] as Cursor;
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && before(heap[right] as Cursor, heap[left] as Cursor)) child = right;
      const below = heap[child] as Cursor;
      if (!before(below, moving)) break;
      heap[i] = below;
      i = child;
    }
    heap[i] = moving;
  }
}

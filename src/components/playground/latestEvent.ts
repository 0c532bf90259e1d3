import type { RequestTrace, SimEvent } from '../../engine';

/** One request's events not yet reached by the clock: `next` is the first of them. */
interface Cursor {
  readonly trace: RequestTrace;
  next: number;
}

/** Earlier event first; on a tie the older request, so the newest request's event comes last. */
function before(a: Cursor, b: Cursor): boolean {
  const ta = (a.trace.events[a.next] as SimEvent).atMs;
  const tb = (b.trace.events[b.next] as SimEvent).atMs;
  return ta < tb || (ta === tb && a.trace.id < b.trace.id);
}

/**
 * The latest event at the clock, kept up to date as the clock moves on and requests are decided:
 * a merge of the requests' event lists (each already in time order) through a heap of the
 * requests with events still ahead. Each event goes through the heap once, so following the
 * clock costs O(log n) per event, and asking for the latest event is O(1): nothing is scanned.
 * A clock going back, or a list of requests from another run, starts the merge over.
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
    while (heap.length > 0) {
      const top = heap[0] as Cursor;
      const event = top.trace.events[top.next] as SimEvent;
      if (event.atMs > atMs) break;
      // A request decided just now may bring events older than the latest one: they are passed.
      if (this.latest === null || event.atMs >= this.latest.event.atMs)
        this.latest = { trace: top.trace, event };
      top.next++;
      if (top.next < top.trace.events.length) this.siftDown(0);
      else this.pop();
    }
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
    for (let i = sameRun ? place + 1 : 0; i < traces.length; i++)
      this.push({ trace: traces[i] as RequestTrace, next: 0 });
    this.source = traces;
    this.lastTrace = traces.at(-1) ?? null;
  }

  private push(cursor: Cursor): void {
    if (cursor.trace.events.length === 0) return;
    const heap = this.heap;
    heap.push(cursor);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Cursor, heap[parent] as Cursor)) break;
      [heap[i], heap[parent]] = [heap[parent] as Cursor, heap[i] as Cursor];
      i = parent;
    }
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
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left] as Cursor, heap[smallest] as Cursor))
        smallest = left;
      if (right < heap.length && before(heap[right] as Cursor, heap[smallest] as Cursor))
        smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest] as Cursor, heap[i] as Cursor];
      i = smallest;
    }
  }
}

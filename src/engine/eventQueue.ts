/**
 * A min-heap of timed items: `pop` returns the earliest; items with equal times come out in the
 * order `tieBreak` gives (negative: `a` first), then in the order they were pushed. For
 * simulations whose events schedule later events.
 */
export class EventQueue<T> {
  private readonly heap: { atMs: number; seq: number; item: T }[] = [];
  private pushed = 0;

  constructor(private readonly tieBreak: (a: T, b: T) => number = () => 0) {}

  get size(): number {
    return this.heap.length;
  }

  push(atMs: number, item: T): void {
    const heap = this.heap;
    heap.push({ atMs, seq: this.pushed++, item });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The earliest item and its time, or undefined when empty. */
  pop(): { atMs: number; item: T } | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop() as (typeof heap)[number];
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && this.before(left, smallest)) smallest = left;
        if (right < heap.length && this.before(right, smallest)) smallest = right;
        if (smallest === i) break;
        this.swap(i, smallest);
        i = smallest;
      }
    }
    return { atMs: top.atMs, item: top.item };
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a] as (typeof this.heap)[number];
    const y = this.heap[b] as (typeof this.heap)[number];
    if (x.atMs !== y.atMs) return x.atMs < y.atMs;
    const order = this.tieBreak(x.item, y.item);
    return order !== 0 ? order < 0 : x.seq < y.seq;
  }

  private swap(a: number, b: number): void {
    const heap = this.heap;
    [heap[a], heap[b]] = [heap[b] as (typeof heap)[number], heap[a] as (typeof heap)[number]];
  }
}

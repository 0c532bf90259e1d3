import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './eventQueue';

function drain<T>(queue: EventQueue<T>): { atMs: number; item: T }[] {
  const out: { atMs: number; item: T }[] = [];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) out.push(next);
  return out;
}

describe('EventQueue', () => {
  it('pops by time, equal times in push order, like a stable sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const queue = new EventQueue<number>();
        times.forEach((t, i) => queue.push(t, i));
        expect(queue.size).toBe(times.length);
        const expected = times
          .map((t, i) => ({ atMs: t, item: i }))
          .sort((a, b) => a.atMs - b.atMs);
        expect(drain(queue)).toEqual(expected);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('breaks ties with the given order before push order', () => {
    const queue = new EventQueue<string>((a, b) => a.localeCompare(b));
    queue.push(1, 'b');
    queue.push(1, 'a');
    queue.push(0, 'z');
    expect(drain(queue).map((e) => e.item)).toEqual(['z', 'a', 'b']);
  });

  it('takes pushes made while draining', () => {
    const queue = new EventQueue<number>();
    queue.push(0, 0);
    const seen: number[] = [];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      seen.push(next.atMs);
      if (next.atMs < 3) queue.push(next.atMs + 1, 0);
    }
    expect(seen).toEqual([0, 1, 2, 3]);
  });
});

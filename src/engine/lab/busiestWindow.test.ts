import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mostInAnyWindow } from './busiestWindow';

/** Whole-ms times: try every whole-ms start that can reach one of them, and count naively. */
function bruteForce(times: readonly number[], windowMs: number): number {
  let best = 0;
  const first = times[0] ?? 0;
  const last = times[times.length - 1] ?? 0;
  for (let s = first - windowMs; s <= last; s++) {
    best = Math.max(best, times.filter((t) => t >= s && t < s + windowMs).length);
  }
  return best;
}

describe('mostInAnyWindow', () => {
  it('counts a half-open span: a request exactly windowMs later is in the next span', () => {
    expect(mostInAnyWindow([0, 1000], 1000)).toBe(1);
    expect(mostInAnyWindow([0, 999], 1000)).toBe(2);
    expect(mostInAnyWindow([], 1000)).toBe(0);
  });

  it('finds a span that starts anywhere, not only on the clock: the boundary burst', () => {
    const times = [55_000, 56_000, 57_000, 58_000, 59_000, 60_000, 61_000, 62_000, 63_000, 64_000];
    expect(mostInAnyWindow(times, 60_000)).toBe(10);
  });

  it('agrees with trying every start, on random sorted times', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 300 }),
        (raw, windowMs) => {
          const times = [...raw].sort((a, b) => a - b);
          expect(mostInAnyWindow(times, windowMs)).toBe(bruteForce(times, windowMs));
        },
      ),
      { seed: 12, numRuns: 300 },
    );
  });
});

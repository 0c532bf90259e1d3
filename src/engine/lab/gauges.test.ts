import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, createLimiter, type AlgorithmName } from '../limiters';
import { gaugeOf } from './gauges';

/** After five requests at 0 with 5 per 60 s, and 30 s later. A Record, so a new algorithm must say. */
const EXPECTED: Record<AlgorithmName, { full: number; later: number; label: RegExp }> = {
  'sliding-window-log': { full: 5, later: 5, label: /requests in the last window/ },
  'fixed-window': { full: 5, later: 5, label: /requests in this window/ },
  'sliding-window-counter': { full: 5, later: 5, label: /estimated requests/ },
  'token-bucket': { full: 0, later: 2.5, label: /tokens/ },
  'leaky-bucket': { full: 5, later: 3, label: /requests in the bucket/ },
  gcra: { full: 5, later: 2.5, label: /ahead of schedule/ },
};

describe('gaugeOf', () => {
  it.each(ALGORITHMS.map((a) => a.name))(
    '%s: a bar from 0 to the limit that follows the state',
    (name) => {
      const limiter = createLimiter({ algorithm: name, maxRequests: 5, windowMs: 60_000 });
      const expected = EXPECTED[name];
      const idle = gaugeOf(limiter, 'a', 0);
      expect(idle.max).toBe(5);
      expect(idle.numbersHeld).toBe(0);
      for (let i = 0; i < 5; i++) limiter.allowRequest('a', 0);
      const full = gaugeOf(limiter, 'a', 0);
      expect(full.label).toMatch(expected.label);
      expect(full.value).toBe(expected.full);
      expect(full.numbersHeld).toBeGreaterThan(0);
      // Reading never records: the same reading twice.
      expect(gaugeOf(limiter, 'a', 30_000).value).toBe(expected.later);
      expect(gaugeOf(limiter, 'a', 30_000).value).toBe(expected.later);
    },
  );
});

describe('the sliding log gauge', () => {
  it('counts exactly the marks the snapshot shows, and marks the oldest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 200 }),
        (maxRequests, windowMs, gaps) => {
          const limiter = createLimiter({ algorithm: 'sliding-window-log', maxRequests, windowMs });
          let t = 0;
          for (const gap of gaps) {
            t += gap;
            limiter.allowRequest('a', t);
            for (const at of [t, t + windowMs / 2, t + windowMs]) {
              const marks = limiter.snapshot('a', at).marks;
              const gauge = gaugeOf(limiter, 'a', at);
              expect(gauge.value).toBe(marks.length);
              expect(gauge.markMs).toBe(marks[0] ?? null);
            }
          }
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
});

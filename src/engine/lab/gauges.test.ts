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

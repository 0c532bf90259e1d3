import { describe, expect, it } from 'vitest';
import { formatNumber } from './formatNumber';

describe('formatNumber', () => {
  it("writes numbers as toLocaleString('en') does", () => {
    const values = [
      0, 1, 7, 12, 999, 1000, 1001, 12_345, 100_000, 999_999, 1_000_000, 86_400_000, 1_234_567_890,
      -1, -1000, -1_234_567, 0.5, 0.125, 2.5, 1234.5, 1_234_000, 1_450_000, 0.00123, 0.0123, 3.14,
      12_300.25, 99.9, -0.75,
    ];
    for (const n of values) expect(formatNumber(n), String(n)).toBe(n.toLocaleString('en'));
  });

  it('writes the lab’s rates (three significant digits) as the locale formatter does', () => {
    for (let k = 0; k < 2000; k++) {
      const n = Number((Math.exp(k / 100) / 1000).toPrecision(3));
      expect(formatNumber(n), String(n)).toBe(n.toLocaleString('en'));
    }
  });
});

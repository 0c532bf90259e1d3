import { describe, expect, it } from 'vitest';
import { formatClock, formatInstant, formatWait } from './timeline';

describe('formatting', () => {
  it('shows the clock with two decimals and waits rounded up', () => {
    expect(formatClock(12_400)).toBe('t\u00a0=\u00a012.40\u00a0s');
    expect(formatWait(12_301)).toBe('12.4\u00a0s');
    expect(formatWait(0)).toBe('0.0\u00a0s');
  });
});

describe('formatInstant', () => {
  it('shows hundredths, and milliseconds only when hundredths would round them away', () => {
    expect(formatInstant(1_200)).toBe('1.20 s');
    expect(formatInstant(300)).toBe('0.30 s');
    expect(formatInstant(1_499)).toBe('1.499 s');
    expect(formatInstant(1_500)).toBe('1.50 s');
    expect(formatInstant(1_000 / 3)).toBe('0.333 s');
  });
});

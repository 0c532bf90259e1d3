import { describe, expect, it } from 'vitest';
import { formatClock, formatWait } from './timeline';

describe('formatting', () => {
  it('shows the clock with two decimals and waits rounded up', () => {
    expect(formatClock(12_400)).toBe('t\u00a0=\u00a012.40\u00a0s');
    expect(formatWait(12_301)).toBe('12.4\u00a0s');
    expect(formatWait(0)).toBe('0.0\u00a0s');
  });
});

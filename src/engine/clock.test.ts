import { describe, expect, it } from 'vitest';
import { SimClock } from './clock';

describe('SimClock', () => {
  it('moves only forward, only when told', () => {
    const clock = new SimClock(100);
    expect(clock.nowMs).toBe(100);
    expect(clock.advanceBy(50)).toBe(150);
    expect(clock.advanceTo(150)).toBe(150);
    expect(clock.advanceTo(400)).toBe(400);
    expect(() => clock.advanceBy(-1)).toThrow(RangeError);
    expect(() => clock.advanceBy(NaN)).toThrow(RangeError);
    expect(() => clock.advanceTo(399)).toThrow(/cannot go back to 399 ms/);
    expect(clock.nowMs).toBe(400);
  });
});

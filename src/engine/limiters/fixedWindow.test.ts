import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from './fixedWindow';
import { SlidingWindowLimiter } from './slidingWindowLog';

function allowedCount(
  limiter: { allowRequest(clientId: string, t: number): boolean },
  times: readonly number[],
) {
  return times.filter((t) => limiter.allowRequest('a', t)).length;
}

const FIVE_AT = (t: number) => [t, t, t, t, t];

describe('FixedWindowLimiter', () => {
  it('counts per calendar window [k·windowMs, (k+1)·windowMs)', () => {
    const limiter = new FixedWindowLimiter(5, 60_000);
    expect(allowedCount(limiter, [1000, 2000, 3000, 4000, 5000, 6000, 59_999])).toBe(5);
    expect(limiter.allowRequest('a', 60_000)).toBe(true); // a new window starts exactly here
  });

  it('lets twice the limit through across a window boundary; the sliding log does not', () => {
    const traffic = [...FIVE_AT(59_999), ...FIVE_AT(60_000)];
    expect(allowedCount(new FixedWindowLimiter(5, 60_000), traffic)).toBe(10);
    expect(allowedCount(new SlidingWindowLimiter(5, 60_000), traffic)).toBe(5);
  });

  it('does not record refused requests', () => {
    const limiter = new FixedWindowLimiter(2, 1000);
    expect(allowedCount(limiter, [0, 1, 2, 3, 4])).toBe(2);
    expect(limiter.snapshot('a', 5)).toMatchObject({ remaining: 0 });
    expect(allowedCount(limiter, [1000, 1001, 1002])).toBe(2);
  });

  it('keeps clients independent', () => {
    const limiter = new FixedWindowLimiter(1, 1000);
    expect(limiter.allowRequest('a', 0)).toBe(true);
    expect(limiter.allowRequest('b', 0)).toBe(true);
    expect(limiter.allowRequest('a', 1)).toBe(false);
  });

  it('snapshot reports what is left and when the window resets', () => {
    const limiter = new FixedWindowLimiter(3, 1000);
    expect(limiter.snapshot('a', 2500)).toEqual({
      limit: 3,
      remaining: 3,
      msUntilAllowed: 0,
      msUntilNextSlot: 0,
      marks: [],
      windowStartMs: 2000,
    });
    limiter.allowRequest('a', 2100);
    expect(limiter.snapshot('a', 2400)).toMatchObject({
      remaining: 2,
      msUntilAllowed: 0,
      msUntilNextSlot: 600,
    });
    limiter.allowRequest('a', 2400);
    limiter.allowRequest('a', 2400);
    expect(limiter.snapshot('a', 2400)).toMatchObject({ remaining: 0, msUntilAllowed: 600 });
    expect(limiter.allowRequest('a', 2999)).toBe(false);
    expect(limiter.allowRequest('a', 3000)).toBe(true);
    // The count of an earlier window does not show in the next one.
    expect(limiter.snapshot('a', 4000)).toMatchObject({ remaining: 3, windowStartMs: 4000 });
  });

  it('evictIdle drops clients whose window has passed', () => {
    const limiter = new FixedWindowLimiter(3, 1000);
    limiter.allowRequest('a', 100);
    limiter.allowRequest('b', 1100);
    expect(limiter.evictIdle(999)).toBe(0);
    expect(limiter.evictIdle(1000)).toBe(1);
    expect(limiter.clientCount).toBe(1);
    expect(limiter.snapshot('b', 1200).remaining).toBe(2);
  });
});

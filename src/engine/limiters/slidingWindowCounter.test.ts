import { describe, expect, it } from 'vitest';
import { SettingError } from '../errors';
import { SlidingWindowCounterLimiter } from './slidingWindowCounter';

describe('SlidingWindowCounterLimiter', () => {
  it('weights the previous window by the share of it still inside the sliding window', () => {
    const limiter = new SlidingWindowCounterLimiter(10, 1000);
    for (let i = 0; i < 8; i++) expect(limiter.allowRequest('a', 500)).toBe(true);
    // At 1250 a quarter of the new window has passed: estimate = 8 · 0.75 + current.
    // current 0 → 6, 1 → 7, 2 → 8, 3 → 9: four more pass, the fifth (estimate 10) does not.
    const decisions = Array.from({ length: 5 }, () => limiter.allowRequest('a', 1250));
    expect(decisions).toEqual([true, true, true, true, false]);
    expect(limiter.snapshot('a', 1250)).toMatchObject({ remaining: 0, windowStartMs: 1000 });
    // At 1500 the estimate is 8 · 0.5 + 4 = 8: two more.
    expect(limiter.snapshot('a', 1500).remaining).toBe(2);
    expect([1, 2, 3].map(() => limiter.allowRequest('a', 1500))).toEqual([true, true, false]);
  });

  it('forgets a previous window that is not adjacent', () => {
    const limiter = new SlidingWindowCounterLimiter(2, 1000);
    limiter.allowRequest('a', 0);
    limiter.allowRequest('a', 0);
    expect(limiter.allowRequest('a', 2000)).toBe(true);
    expect(limiter.allowRequest('a', 2000)).toBe(true);
    expect(limiter.allowRequest('a', 2000)).toBe(false);
  });

  it('does not record refused requests', () => {
    const limiter = new SlidingWindowCounterLimiter(2, 1000);
    limiter.allowRequest('a', 0);
    limiter.allowRequest('a', 0);
    for (let t = 1; t < 1000; t += 10) expect(limiter.allowRequest('a', t)).toBe(false);
    // Next window: estimate 2 · (1 − 1/1000) < 2 at 1001, as if the refused ones never happened.
    expect(limiter.allowRequest('a', 1001)).toBe(true);
  });

  it('lets fewer than twice the limit through across a boundary', () => {
    const limiter = new SlidingWindowCounterLimiter(5, 60_000);
    const times = [59_999, 59_999, 59_999, 59_999, 59_999, 60_000, 60_000, 60_000, 60_000, 60_000];
    expect(times.filter((t) => limiter.allowRequest('a', t))).toHaveLength(5);
  });

  it('snapshot: the first whole ms at which a request passes', () => {
    const limiter = new SlidingWindowCounterLimiter(5, 60_000);
    for (let i = 0; i < 5; i++) limiter.allowRequest('a', 0);
    const snap = limiter.snapshot('a', 0);
    // At 60,000 the estimate is 5 · 1 + 0 = 5 (refused); at 60,001 it is just under 5.
    expect(snap).toMatchObject({ remaining: 0, msUntilAllowed: 60_001, msUntilNextSlot: 60_001 });
    expect(limiter.allowRequest('a', 60_000)).toBe(false);
    expect(limiter.allowRequest('a', 60_001)).toBe(true);
  });

  it('snapshot: msUntilNextSlot is when one more unit of quota comes back', () => {
    const limiter = new SlidingWindowCounterLimiter(4, 1000);
    for (let i = 0; i < 4; i++) limiter.allowRequest('a', 900);
    // At 1000: estimate 4 · 1 = 4, remaining 0. Remaining becomes 1 once the estimate is below 4
    // (1001), 2 once it is below 3 (1251: 4 · 0.749 = 2.996).
    expect(limiter.snapshot('a', 1000)).toMatchObject({ remaining: 0, msUntilNextSlot: 1 });
    expect(limiter.snapshot('a', 1001)).toMatchObject({ remaining: 1, msUntilNextSlot: 250 });
    expect(limiter.snapshot('a', 1250).remaining).toBe(1);
    expect(limiter.snapshot('a', 1251).remaining).toBe(2);
    expect(limiter.snapshot('a', 5000)).toMatchObject({ remaining: 4, msUntilNextSlot: 0 });
  });

  it('evictIdle drops clients with nothing in the current or previous window', () => {
    const limiter = new SlidingWindowCounterLimiter(3, 1000);
    limiter.allowRequest('a', 500);
    limiter.allowRequest('b', 1500);
    expect(limiter.evictIdle(1999)).toBe(0);
    expect(limiter.evictIdle(2000)).toBe(1);
    expect(limiter.clientCount).toBe(1);
  });

  it('snapshot ends and stays exact where 1 ms steps no longer move the time (past 2^53 ms)', () => {
    const limiter = new SlidingWindowCounterLimiter(5, 60_000);
    const nowMs = 1e17; // times here are 16 ms apart: nowMs + 1 === nowMs
    for (let i = 0; i < 5; i++) limiter.allowRequest('a', nowMs);
    const { msUntilAllowed } = limiter.snapshot('a', nowMs);
    expect(msUntilAllowed).toBeGreaterThan(0);
    expect(msUntilAllowed).toBeLessThanOrEqual(2 * 60_000);
    // The answer is the first moment the limiter itself lets a request through.
    expect(limiter.allowRequest('a', nowMs + msUntilAllowed - 16)).toBe(false);
    expect(limiter.allowRequest('a', nowMs + msUntilAllowed)).toBe(true);
  });

  it('refuses a window past one day, with the reason', () => {
    expect(() => new SlidingWindowCounterLimiter(5, 1e16)).toThrow(SettingError);
    expect(() => new SlidingWindowCounterLimiter(5, 1e16)).toThrow(/at most 86,400,000 ms/);
    expect(() => new SlidingWindowCounterLimiter(5, 86_400_000)).not.toThrow();
  });
});

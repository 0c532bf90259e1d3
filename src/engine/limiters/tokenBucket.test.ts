import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './tokenBucket';

describe('TokenBucketLimiter', () => {
  it('starts full: capacity requests pass at once, the next is refused', () => {
    const limiter = new TokenBucketLimiter(5, 60_000);
    const decisions = Array.from({ length: 6 }, () => limiter.allowRequest('a', 1000));
    expect(decisions).toEqual([true, true, true, true, true, false]);
  });

  it('refills at capacity tokens per windowMs: one every 12 s for 5 per minute', () => {
    const limiter = new TokenBucketLimiter(5, 60_000);
    for (let i = 0; i < 5; i++) limiter.allowRequest('a', 0);
    expect(limiter.allowRequest('a', 11_999)).toBe(false);
    expect(limiter.allowRequest('a', 12_000)).toBe(true);
    expect(limiter.allowRequest('a', 12_000)).toBe(false);
    expect(limiter.allowRequest('a', 24_000)).toBe(true);
  });

  it('keeps size and refill apart: a bucket of 10 refilled at 2 per second', () => {
    const limiter = new TokenBucketLimiter(10, 1000, 2);
    const first = Array.from({ length: 11 }, () => limiter.allowRequest('a', 0));
    expect(first.filter(Boolean)).toHaveLength(10);
    expect(limiter.allowRequest('a', 499)).toBe(false);
    expect(limiter.allowRequest('a', 500)).toBe(true); // one token every 500 ms
    expect(limiter.snapshot('a', 500)).toMatchObject({
      limit: 10,
      remaining: 0,
      msUntilAllowed: 500,
    });
    expect(limiter.policy).toEqual({ quota: 2, windowSeconds: 1 });
    // Idle for 60 s: full again, never above the size.
    expect(limiter.snapshot('a', 60_500).remaining).toBe(10);
  });

  it('names the setting that is wrong: burst for the size, maxRequests for the rate', () => {
    expect(() => new TokenBucketLimiter(0, 1000, 2)).toThrow(/burst/);
    expect(() => new TokenBucketLimiter(5, 1000, 0)).toThrow(/maxRequests/);
  });

  it('never holds more than capacity, however long the client is idle', () => {
    const limiter = new TokenBucketLimiter(3, 1000);
    limiter.allowRequest('a', 0);
    expect(limiter.snapshot('a', 1_000_000).remaining).toBe(3);
    const decisions = Array.from({ length: 4 }, () => limiter.allowRequest('a', 1_000_000));
    expect(decisions).toEqual([true, true, true, false]);
  });

  it('does not take tokens for refused requests', () => {
    const limiter = new TokenBucketLimiter(2, 1000);
    limiter.allowRequest('a', 0);
    limiter.allowRequest('a', 0);
    for (let t = 1; t < 500; t += 3) expect(limiter.allowRequest('a', t)).toBe(false);
    expect(limiter.allowRequest('a', 500)).toBe(true); // one token back after 500 ms
  });

  it('keeps clients independent', () => {
    const limiter = new TokenBucketLimiter(1, 1000);
    expect(limiter.allowRequest('a', 0)).toBe(true);
    expect(limiter.allowRequest('b', 0)).toBe(true);
    expect(limiter.allowRequest('a', 0)).toBe(false);
  });

  it('snapshot reports tokens left and the wait for the next one', () => {
    const limiter = new TokenBucketLimiter(5, 60_000);
    expect(limiter.snapshot('a', 0)).toEqual({
      limit: 5,
      remaining: 5,
      msUntilAllowed: 0,
      msUntilNextSlot: 0,
      marks: [],
    });
    limiter.allowRequest('a', 0);
    limiter.allowRequest('a', 0);
    expect(limiter.snapshot('a', 3000)).toMatchObject({
      remaining: 3, // 3 whole tokens and a quarter
      msUntilAllowed: 0,
      msUntilNextSlot: 9000,
    });
    for (let i = 0; i < 3; i++) limiter.allowRequest('a', 3000);
    expect(limiter.snapshot('a', 3000)).toMatchObject({
      remaining: 0,
      msUntilAllowed: 9000,
      msUntilNextSlot: 9000,
    });
  });

  it('evictIdle drops clients whose bucket is full again', () => {
    const limiter = new TokenBucketLimiter(2, 1000);
    limiter.allowRequest('a', 0);
    limiter.allowRequest('b', 400);
    expect(limiter.evictIdle(499)).toBe(0);
    expect(limiter.evictIdle(500)).toBe(1); // a's token came back at 500
    expect(limiter.clientCount).toBe(1);
    expect(limiter.evictIdle(900)).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { SettingError } from '../errors';
import { LeakyBucketLimiter } from './leakyBucket';

const FIVE_PER_MINUTE = { rate: 5, windowMs: 60_000 };

describe('LeakyBucketLimiter (nginx limit_req)', () => {
  it('rate=5r/m burst=4 nodelay: 5 at once, the 6th refused, then one about every 12 s', () => {
    const limiter = new LeakyBucketLimiter(FIVE_PER_MINUTE.rate, FIVE_PER_MINUTE.windowMs, {
      burst: 4,
      nodelay: true,
    });
    const first = Array.from({ length: 6 }, () => limiter.allowRequest('a', 0));
    expect(first).toEqual([true, true, true, true, true, false]);
    expect(limiter.lastDelayMs).toBe(0);
    expect(limiter.allowRequest('a', 11_999)).toBe(false);
    expect(limiter.allowRequest('a', 12_000)).toBe(true);
    expect(limiter.allowRequest('a', 12_001)).toBe(false);
    expect(limiter.allowRequest('a', 23_999)).toBe(false);
    expect(limiter.allowRequest('a', 24_000)).toBe(true);
  });

  it('is not "5 per minute window": over 2 minutes of hammering, the burst of 5 and 9 drips pass, not 10', () => {
    const limiter = new LeakyBucketLimiter(5, 60_000, { burst: 4, nodelay: true });
    let allowed = 0;
    for (let t = 0; t < 120_000; t += 100) if (limiter.allowRequest('a', t)) allowed++;
    expect(allowed).toBe(5 + 10 - 1); // the burst, then one every 12 s from 12 s to 108 s
  });

  it('without nodelay, accepted requests wait for the excess ahead of them to drain', () => {
    const limiter = new LeakyBucketLimiter(5, 60_000, { burst: 4, nodelay: false });
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect(limiter.allowRequest('a', 0)).toBe(true);
      delays.push(limiter.lastDelayMs);
    }
    expect(delays).toEqual([0, 12_000, 24_000, 36_000, 48_000]);
    expect(limiter.allowRequest('a', 0)).toBe(false);
    expect(limiter.lastDelayMs).toBe(48_000); // a refusal leaves the last accepted delay as it was
    // 6 s later half a request has drained: 3.5 queued plus this one is more than burst 4.
    expect(limiter.allowRequest('a', 6_000)).toBe(false);
    // 12 s later one has drained: this one joins 3 queued ahead of it, 4 in all → 48 s.
    expect(limiter.allowRequest('a', 12_000)).toBe(true);
    expect(limiter.lastDelayMs).toBe(48_000);
    expect(limiter.allowRequest('a', 42_000)).toBe(true); // 2.5 requests drained since
    expect(limiter.lastDelayMs).toBe(30_000); // 1.5 ahead + itself = 2.5 requests at 12 s each
  });

  it('does not record refused requests', () => {
    const limiter = new LeakyBucketLimiter(1, 1000, { burst: 0, nodelay: true });
    expect(limiter.allowRequest('a', 0)).toBe(true);
    for (let t = 1; t < 1000; t += 9) expect(limiter.allowRequest('a', t)).toBe(false);
    expect(limiter.allowRequest('a', 1000)).toBe(true);
  });

  it('keeps clients independent', () => {
    const limiter = new LeakyBucketLimiter(1, 1000, { burst: 0, nodelay: true });
    expect(limiter.allowRequest('a', 0)).toBe(true);
    expect(limiter.allowRequest('b', 0)).toBe(true);
    expect(limiter.allowRequest('a', 0)).toBe(false);
  });

  it('snapshot: capacity burst + 1, and the waits nginx would impose', () => {
    const limiter = new LeakyBucketLimiter(5, 60_000, { burst: 4, nodelay: true });
    expect(limiter.snapshot('a', 0)).toEqual({
      limit: 5,
      remaining: 5,
      msUntilAllowed: 0,
      msUntilNextSlot: 0,
      marks: [],
    });
    for (let i = 0; i < 5; i++) limiter.allowRequest('a', 0);
    expect(limiter.snapshot('a', 0)).toMatchObject({
      remaining: 0,
      msUntilAllowed: 12_000,
      msUntilNextSlot: 12_000,
    });
    expect(limiter.snapshot('a', 30_000)).toMatchObject({
      remaining: 2, // 2.5 requests drained
      msUntilAllowed: 0,
      msUntilNextSlot: 6_000,
    });
    // Fully drained (48 s) is not quite "new": the 5th slot needs the excess to reach −1 request.
    expect(limiter.snapshot('a', 48_000)).toMatchObject({ remaining: 4, msUntilNextSlot: 12_000 });
    expect(limiter.snapshot('a', 60_000)).toMatchObject({ remaining: 5, msUntilNextSlot: 0 });
  });

  it('evictIdle drops clients that are back to a fresh start', () => {
    const limiter = new LeakyBucketLimiter(5, 60_000, { burst: 4, nodelay: true });
    limiter.allowRequest('a', 0);
    limiter.allowRequest('a', 0); // excess 1 request
    expect(limiter.evictIdle(23_999)).toBe(0);
    expect(limiter.evictIdle(24_000)).toBe(1);
    expect(limiter.clientCount).toBe(0);
  });

  it.each([-1, 1.5, NaN])('rejects burst %s', (burst) => {
    expect(() => new LeakyBucketLimiter(5, 1000, { burst, nodelay: true })).toThrow(SettingError);
    expect(() => new LeakyBucketLimiter(5, 1000, { burst, nodelay: true })).toThrow(/^burst: /);
  });
});

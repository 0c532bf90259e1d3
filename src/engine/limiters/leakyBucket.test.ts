import { describe, expect, it } from 'vitest';
import { SettingError } from '../errors';
import { LeakyBucketLimiter } from './leakyBucket';

const FIVE_PER_MINUTE = { rate: 5, windowMs: 60_000 };

describe('LeakyBucketLimiter (nginx limit_req)', () => {
  it('rate=5r/m burst=4 nodelay: 5 at once, the 6th refused, then one every 12.048 s, not 12 s', () => {
    const limiter = new LeakyBucketLimiter(FIVE_PER_MINUTE.rate, FIVE_PER_MINUTE.windowMs, {
      burst: 4,
      nodelay: true,
    });
    expect(limiter.rateThousandths).toBe(83); // 5000 / 60, rounded down as nginx stores it
    const first = Array.from({ length: 6 }, () => limiter.allowRequest('a', 0));
    expect(first).toEqual([true, true, true, true, true, false]);
    expect(limiter.lastDelayMs).toBe(0);
    // One request drains after 1000 × 1000 / 83 = 12 048.2 ms: 83 × 12 048 / 1000 is still 999.
    expect(limiter.allowRequest('a', 12_000)).toBe(false);
    expect(limiter.allowRequest('a', 12_024)).toBe(false);
    expect(limiter.allowRequest('a', 12_040)).toBe(false);
    expect(limiter.allowRequest('a', 12_048)).toBe(false);
    expect(limiter.allowRequest('a', 12_049)).toBe(true);
    expect(limiter.allowRequest('a', 12_050)).toBe(false);
    expect(limiter.allowRequest('a', 24_097)).toBe(false);
    expect(limiter.allowRequest('a', 24_098)).toBe(true);
  });

  it('per-second rates have no rounding: 10r/s burst=0 passes one every 100 ms exactly', () => {
    const limiter = new LeakyBucketLimiter(10, 1000, { burst: 0, nodelay: true });
    expect(limiter.rateThousandths).toBe(10_000);
    expect(limiter.allowRequest('a', 0)).toBe(true);
    expect(limiter.allowRequest('a', 99)).toBe(false);
    expect(limiter.allowRequest('a', 100)).toBe(true);
    expect(limiter.allowRequest('a', 199.9)).toBe(false); // whole ms: 199.9 is 199
    expect(limiter.allowRequest('a', 200.5)).toBe(true);
  });

  it('drains in whole thousandths from the last accepted request, so a steady hammer loses the fractions', () => {
    const limiter = new LeakyBucketLimiter(5, 60_000, { burst: 4, nodelay: true });
    const allowedAt: number[] = [];
    for (let t = 0; t < 120_000; t += 100) if (limiter.allowRequest('a', t)) allowedAt.push(t);
    // 5 at 100 ms steps (each step drains 8 thousandths, not 8.3), then a drip every 12.1 s.
    expect(allowedAt).toEqual([
      0, 100, 200, 300, 400, 12_100, 24_200, 36_200, 48_300, 60_300, 72_400, 84_400, 96_500,
      108_500,
    ]);
  });

  it('without nodelay, accepted requests wait excess × 1000 / rate ms; the decisions do not change', () => {
    const limiter = new LeakyBucketLimiter(5, 60_000, { burst: 4, nodelay: false });
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      expect(limiter.allowRequest('a', 0)).toBe(true);
      delays.push(limiter.lastDelayMs);
    }
    expect(delays).toEqual([0, 12_048, 24_096, 36_144, 48_192]);
    expect(limiter.allowRequest('a', 0)).toBe(false);
    expect(limiter.lastDelayMs).toBe(48_192); // a refusal leaves the last accepted delay as it was
    // 6 s drain 498 thousandths: 4000 − 498 + 1000 is more than burst 4000.
    expect(limiter.allowRequest('a', 6_000)).toBe(false);
    // 12.049 s drain exactly one request: this one joins 3 ahead of it, 4000 thousandths → 48.192 s.
    expect(limiter.allowRequest('a', 12_049)).toBe(true);
    expect(limiter.lastDelayMs).toBe(48_192);
    // 29.951 s later 2485 thousandths have drained: 4000 − 2485 + 1000 = 2515 → 30 301 ms.
    expect(limiter.allowRequest('a', 42_000)).toBe(true);
    expect(limiter.lastDelayMs).toBe(30_301);
  });

  it('counts the excess on arrival and never below 0: a long pause is a fresh start, not credit', () => {
    const limiter = new LeakyBucketLimiter(10, 1000, { burst: 1, nodelay: true });
    expect(limiter.allowRequest('a', 0)).toBe(true);
    expect(limiter.allowRequest('a', 10_000)).toBe(true); // excess 0, not −99 requests
    expect(limiter.allowRequest('a', 10_000)).toBe(true); // 1000 ≤ burst 1000
    expect(limiter.allowRequest('a', 10_000)).toBe(false);
  });

  it('refuses what nginx cannot store: slower than 1 request per 1000 s', () => {
    expect(() => new LeakyBucketLimiter(1, 1_000_001, { burst: 0, nodelay: true })).toThrow(
      /^windowMs: /,
    );
    expect(new LeakyBucketLimiter(1, 1_000_000, { burst: 0, nodelay: true }).rateThousandths).toBe(
      1,
    );
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

  it('snapshot: capacity burst + 1, and the waits nginx would impose, in whole ms', () => {
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
      msUntilAllowed: 12_049,
      msUntilNextSlot: 12_049,
    });
    // 30 s drain 2490 thousandths: the next request brings 2510, so 2 fit; a 3rd after 36.145 s.
    expect(limiter.snapshot('a', 30_000)).toMatchObject({
      remaining: 2,
      msUntilAllowed: 0,
      msUntilNextSlot: 6_145,
    });
    // Drained to 0 is not quite "new": the 5th slot needs 5000 thousandths drained (60.241 s).
    expect(limiter.snapshot('a', 48_193)).toMatchObject({ remaining: 4, msUntilNextSlot: 12_048 });
    expect(limiter.snapshot('a', 60_240)).toMatchObject({ remaining: 4, msUntilNextSlot: 1 });
    expect(limiter.snapshot('a', 60_241)).toMatchObject({ remaining: 5, msUntilNextSlot: 0 });
  });

  it('evictIdle drops clients that are back to a fresh start', () => {
    const limiter = new LeakyBucketLimiter(5, 60_000, { burst: 4, nodelay: true });
    limiter.allowRequest('a', 0);
    limiter.allowRequest('a', 0); // excess 1000: a fresh start needs 2000 drained, 24.097 s
    expect(limiter.evictIdle(24_096)).toBe(0);
    expect(limiter.evictIdle(24_097)).toBe(1);
    expect(limiter.clientCount).toBe(0);
  });

  it.each([-1, 1.5, NaN])('rejects burst %s', (burst) => {
    expect(() => new LeakyBucketLimiter(5, 1000, { burst, nodelay: true })).toThrow(SettingError);
    expect(() => new LeakyBucketLimiter(5, 1000, { burst, nodelay: true })).toThrow(/^burst: /);
  });
});

import { describe, expect, it } from 'vitest';
import { SettingError } from '../errors';
import { createRandom } from '../random';
import { SlidingWindowLimiter } from './slidingWindowLog';

/** Sends one request per timestamp and returns the decisions. */
function decide(limiter: SlidingWindowLimiter, clientId: string, times: readonly number[]) {
  return times.map((t) => limiter.allowRequest(clientId, t));
}

describe('SlidingWindowLimiter', () => {
  it('allows maxRequests in a window and refuses the next one', () => {
    const limiter = new SlidingWindowLimiter(5, 60_000);
    expect(decide(limiter, 'a', [0, 1, 2, 3, 4, 5])).toEqual([true, true, true, true, true, false]);
  });

  it('a request exactly windowMs old no longer counts; windowMs - 1 old still does', () => {
    const limiter = new SlidingWindowLimiter(2, 1000);
    expect(decide(limiter, 'a', [0, 500])).toEqual([true, true]);
    expect(limiter.allowRequest('a', 999)).toBe(false); // both still inside
    expect(limiter.allowRequest('a', 1000)).toBe(true); // the one at 0 left exactly now
    expect(limiter.allowRequest('a', 1499)).toBe(false); // 500 is 999 ms old: still counts
    expect(limiter.allowRequest('a', 1500)).toBe(true);
  });

  it('does not record refused requests: a client hammering while refused gets in when the oldest leaves', () => {
    const limiter = new SlidingWindowLimiter(3, 1000);
    expect(decide(limiter, 'a', [0, 100, 200])).toEqual([true, true, true]);
    for (let t = 201; t < 1000; t += 7) expect(limiter.allowRequest('a', t)).toBe(false);
    expect(limiter.allowRequest('a', 999)).toBe(false);
    expect(limiter.allowRequest('a', 1000)).toBe(true);
    expect(limiter.allowRequest('a', 1099)).toBe(false);
    expect(limiter.allowRequest('a', 1100)).toBe(true);
  });

  it('keeps clients independent', () => {
    const limiter = new SlidingWindowLimiter(2, 1000);
    expect(decide(limiter, 'a', [0, 1, 2])).toEqual([true, true, false]);
    expect(decide(limiter, 'b', [2, 3, 4])).toEqual([true, true, false]);
    expect(limiter.snapshot('a', 5).marks).toEqual([0, 1]);
    expect(limiter.snapshot('b', 5).marks).toEqual([2, 3]);
    expect(limiter.clientCount).toBe(2);
  });

  it('snapshot reports remaining, marks and the waits', () => {
    const limiter = new SlidingWindowLimiter(3, 1000);
    expect(limiter.snapshot('a', 0)).toMatchObject({
      limit: 3,
      remaining: 3,
      msUntilAllowed: 0,
      msUntilNextSlot: 0,
      marks: [],
    });
    decide(limiter, 'a', [100, 300]);
    expect(limiter.snapshot('a', 400)).toEqual({
      limit: 3,
      remaining: 1,
      msUntilAllowed: 0,
      msUntilNextSlot: 700, // the mark at 100 leaves at 1100
      marks: [100, 300],
      windowStartMs: -600,
    });
    limiter.allowRequest('a', 400);
    expect(limiter.snapshot('a', 450)).toMatchObject({
      remaining: 0,
      msUntilAllowed: 650,
      msUntilNextSlot: 650,
      marks: [100, 300, 400],
    });
    // Marks that have left the window are not shown, even before anything expires them.
    expect(limiter.snapshot('a', 1100)).toMatchObject({ remaining: 1, marks: [300, 400] });
  });

  it('snapshot records nothing', () => {
    const limiter = new SlidingWindowLimiter(1, 1000);
    limiter.snapshot('a', 0);
    expect(limiter.clientCount).toBe(0);
    expect(limiter.allowRequest('a', 0)).toBe(true);
  });

  it('evictIdle drops clients whose marks have all left the window, and only those', () => {
    const limiter = new SlidingWindowLimiter(2, 1000);
    limiter.allowRequest('old', 0);
    limiter.allowRequest('recent', 500);
    expect(limiter.evictIdle(999)).toBe(0);
    expect(limiter.evictIdle(1000)).toBe(1);
    expect(limiter.clientCount).toBe(1);
    expect(limiter.snapshot('recent', 1000).marks).toEqual([500]);
    expect(limiter.evictIdle(1500)).toBe(1);
    expect(limiter.clientCount).toBe(0);
  });

  it('grows its ring buffer past 8 entries and wraps around correctly (maxRequests 1000)', () => {
    const maxRequests = 1000;
    const windowMs = 60_000;
    const limiter = new SlidingWindowLimiter(maxRequests, windowMs);
    const reference: number[] = [];
    const referenceAllow = (t: number): boolean => {
      while (reference.length > 0 && t - (reference[0] as number) >= windowMs) reference.shift();
      if (reference.length >= maxRequests) return false;
      reference.push(t);
      return true;
    };
    // Bursts of varying size with gaps so entries expire while the buffer is partly full, forcing
    // the head to move before the buffer grows and the tail to wrap afterwards.
    let t = 0;
    let allowedCount = 0;
    let refusedCount = 0;
    for (let step = 0; step < 20_000; step++) {
      t += step % 97 === 0 ? 3_000 : (step * 7) % 13;
      const expected = referenceAllow(t);
      expect(limiter.allowRequest('a', t)).toBe(expected);
      if (expected) allowedCount++;
      else refusedCount++;
      if (step % 499 === 0) expect(limiter.snapshot('a', t).marks).toEqual(reference);
    }
    expect(limiter.snapshot('a', t).marks).toEqual(reference);
    // The trace really exercised both sides of the limit.
    expect(allowedCount).toBeGreaterThan(2 * maxRequests);
    expect(refusedCount).toBeGreaterThan(1000);
  });

  it('stays exact with many clients growing, evicted and coming back (shared store compaction)', () => {
    const maxRequests = 40;
    const windowMs = 500;
    const limiter = new SlidingWindowLimiter(maxRequests, windowMs);
    const logs = new Map<string, number[]>();
    const referenceAllow = (clientId: string, t: number): boolean => {
      const recent = (logs.get(clientId) ?? []).filter((s) => t - s < windowMs);
      logs.set(clientId, recent);
      if (recent.length >= maxRequests) return false;
      recent.push(t);
      return true;
    };
    const random = createRandom(11);
    let t = 0;
    let evicted = 0;
    for (let step = 0; step < 30_000; step++) {
      t += random.int(0, 3);
      // A shifting crowd of 300 clients, some busy enough to hit the limit.
      const clientId = `c${(random.int(0, 40) + Math.floor(step / 100)) % 300}`;
      expect(limiter.allowRequest(clientId, t)).toBe(referenceAllow(clientId, t));
      if (step % 1000 === 999) {
        evicted += limiter.evictIdle(t);
        for (const [id, log] of logs) {
          if (log.every((s) => t - s >= windowMs)) logs.delete(id);
        }
        expect(limiter.clientCount).toBe(logs.size);
        for (const id of logs.keys()) {
          expect(limiter.snapshot(id, t).marks).toEqual(
            logs.get(id)?.filter((s) => t - s < windowMs),
          );
        }
      }
    }
    expect(evicted).toBeGreaterThan(100);
  });

  it('fills exactly to maxRequests when maxRequests is not a power of two', () => {
    for (const maxRequests of [1, 3, 8, 9, 17, 1000]) {
      const limiter = new SlidingWindowLimiter(maxRequests, 100);
      const allowed = Array.from({ length: maxRequests + 3 }, () => limiter.allowRequest('a', 0));
      expect(allowed.filter(Boolean)).toHaveLength(maxRequests);
      expect(allowed[maxRequests]).toBe(false);
      // After a window everything is free again, and the wrapped buffer refills fully.
      const again = Array.from({ length: maxRequests + 1 }, () => limiter.allowRequest('a', 100));
      expect(again.filter(Boolean)).toHaveLength(maxRequests);
    }
  });

  it('reports the policy for the RateLimit-Policy header', () => {
    expect(new SlidingWindowLimiter(5, 60_000).policy).toEqual({ quota: 5, windowSeconds: 60 });
    expect(new SlidingWindowLimiter(5, 1500).policy).toEqual({ quota: 5, windowSeconds: 1.5 });
  });

  it.each([0, -1, 1.5, NaN, Infinity])('rejects maxRequests %s', (maxRequests) => {
    expect(() => new SlidingWindowLimiter(maxRequests, 1000)).toThrow(SettingError);
    expect(() => new SlidingWindowLimiter(maxRequests, 1000)).toThrow(/^maxRequests: /);
  });

  it.each([0, -5, NaN, Infinity])('rejects windowMs %s', (windowMs) => {
    expect(() => new SlidingWindowLimiter(5, windowMs)).toThrow(SettingError);
    expect(() => new SlidingWindowLimiter(5, windowMs)).toThrow(/^windowMs: /);
  });
});

import { describe, expect, it } from 'vitest';
import { SettingError } from '../errors';
import { LAB_PATTERNS, drawnTrace, makeTrace, type LabTrace } from './patterns';

const LIMIT = { maxRequests: 5, windowMs: 60_000 };

function firstAttempts(trace: LabTrace): readonly number[] {
  return trace.kind === 'open' ? trace.timesMs : trace.demandMs;
}

describe('makeTrace', () => {
  it.each(LAB_PATTERNS.map((p) => p.id))('%s: non-decreasing times ≥ 0, seeded', (id) => {
    const times = firstAttempts(makeTrace(id, LIMIT, { seed: 3 }));
    expect(times.length).toBeGreaterThan(0);
    times.forEach((t, i) => {
      expect(t).toBeGreaterThanOrEqual(i === 0 ? 0 : (times[i - 1] as number));
    });
    expect(makeTrace(id, LIMIT, { seed: 3 })).toEqual(makeTrace(id, LIMIT, { seed: 3 }));
  });

  it('steady: evenly spaced at 1.5× the limit over the windows asked for', () => {
    const trace = makeTrace('steady', LIMIT, { windows: 2 });
    expect(trace).toEqual({
      kind: 'open',
      timesMs: Array.from({ length: 15 }, (_, i) => i * 8000),
    });
  });

  it('boundary burst: the limit in the last 5% of the first window, the limit right after it', () => {
    const times = firstAttempts(makeTrace('boundary-burst', LIMIT));
    expect(times).toHaveLength(10);
    expect(times.filter((t) => t >= 57_000 && t < 60_000)).toHaveLength(5);
    expect(times.filter((t) => t >= 60_000 && t < 63_000)).toHaveLength(5);
  });

  it('poisson: a different seed gives different times, at about 1.5× the limit', () => {
    const a = firstAttempts(makeTrace('poisson', LIMIT, { seed: 1, windows: 200 }));
    const b = firstAttempts(makeTrace('poisson', LIMIT, { seed: 2, windows: 200 }));
    expect(a).not.toEqual(b);
    // 1.5 × 5 × 200 = 1500 expected; the standard deviation is about 39.
    expect(a.length).toBeGreaterThan(1350);
    expect(a.length).toBeLessThan(1650);
  });

  it('periodic spikes: the limit at once, every half window', () => {
    const times = firstAttempts(makeTrace('periodic-spikes', LIMIT, { windows: 1 }));
    expect(times).toEqual([0, 0, 0, 0, 0, 30_000, 30_000, 30_000, 30_000, 30_000]);
  });

  it('retry storms: the same demand, one honouring Retry-After and one not', () => {
    const ignoring = makeTrace('retry-storm', LIMIT, { windows: 1 });
    const honouring = makeTrace('retry-storm-honoured', LIMIT, { windows: 1 });
    expect(ignoring).toMatchObject({ kind: 'retry-storm', honourRetryAfter: false });
    expect(honouring).toMatchObject({ kind: 'retry-storm', honourRetryAfter: true });
    expect(firstAttempts(ignoring)).toEqual(firstAttempts(honouring));
    // Twice the limit at 0, then one every 12 s.
    expect(firstAttempts(ignoring)).toEqual([
      ...Array<number>(10).fill(0),
      12_000,
      24_000,
      36_000,
      48_000,
      60_000,
    ]);
  });

  it('rejects a limit it cannot use, naming the setting', () => {
    expect(() => makeTrace('steady', { maxRequests: 0, windowMs: 1000 })).toThrow(/^maxRequests:/);
    expect(() => makeTrace('steady', LIMIT, { windows: 1.5 })).toThrow(/^windows:/);
    expect(() => makeTrace('nope' as 'steady', LIMIT)).toThrow(SettingError);
  });
});

describe('drawnTrace', () => {
  it('sorts what the learner drew', () => {
    expect(drawnTrace([300, 0, 100, 100])).toEqual({ kind: 'open', timesMs: [0, 100, 100, 300] });
  });

  it.each([
    [[], /draw at least one request/],
    [[0, -1], /got -1/],
    [[0, NaN], /got NaN/],
    [[Infinity], /got Infinity/],
  ])('refuses %s with a message for the timesMs field', (times, message) => {
    try {
      drawnTrace(times);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SettingError);
      expect((error as SettingError).setting).toBe('timesMs');
      expect((error as SettingError).message).toMatch(message);
    }
  });
});

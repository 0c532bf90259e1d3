import { describe, expect, it } from 'vitest';
import { SettingError } from '../errors';
import { ALGORITHMS, createLimiter, isAlgorithmName, type AlgorithmName } from './index';

const NAMES = ALGORITHMS.map((a) => a.name);

describe('createLimiter', () => {
  it.each(NAMES)('refuses %s with a window past one day or none at all', (algorithm) => {
    for (const windowMs of [1e16, 1e308, 86_400_001, 0, Infinity]) {
      expect(() => createLimiter({ algorithm, maxRequests: 5, windowMs })).toThrow(SettingError);
    }
    // 100 a day: nginx's leaky bucket stores no rate below 1 request per 1000 s.
    const longest = createLimiter({ algorithm, maxRequests: 100, windowMs: 86_400_000 });
    const snapshot = longest.snapshot('k', 0);
    expect(snapshot).toMatchObject({ limit: 100, remaining: 100 });
  });

  it.each(NAMES)('builds %s with the quota and window it was given', (algorithm) => {
    const limiter = createLimiter({ algorithm, maxRequests: 5, windowMs: 60_000 });
    expect(limiter.algorithm).toBe(algorithm);
    expect(limiter.policy).toEqual({ quota: 5, windowSeconds: 60 });
    const decisions = Array.from({ length: 6 }, () => limiter.allowRequest('k', 0));
    expect(decisions).toEqual([true, true, true, true, true, false]);
  });

  it('defaults the leaky bucket to burst maxRequests − 1 and nodelay', () => {
    const limiter = createLimiter({ algorithm: 'leaky-bucket', maxRequests: 3, windowMs: 3000 });
    expect(limiter.snapshot('k', 0).limit).toBe(3);
    limiter.allowRequest('k', 0);
    limiter.allowRequest('k', 0);
    expect(limiter.lastDelayMs).toBe(0);
  });

  it('honours burst and nodelay for the leaky bucket', () => {
    const limiter = createLimiter({
      algorithm: 'leaky-bucket',
      maxRequests: 2,
      windowMs: 1000,
      burst: 1,
      nodelay: false,
    });
    expect(limiter.allowRequest('k', 0)).toBe(true);
    expect(limiter.allowRequest('k', 0)).toBe(true);
    expect(limiter.lastDelayMs).toBe(500);
    expect(limiter.allowRequest('k', 0)).toBe(false);
  });

  it('throws a SettingError naming the algorithm when it is unknown', () => {
    const spec = { algorithm: 'random-drop' as AlgorithmName, maxRequests: 5, windowMs: 1000 };
    expect(() => createLimiter(spec)).toThrow(SettingError);
    expect(() => createLimiter(spec)).toThrow(/^algorithm: unknown algorithm "random-drop"/);
  });

  describe.each(NAMES)('%s rejects bad settings', (algorithm) => {
    it.each([0, -1, 1.5, NaN])('maxRequests %s', (maxRequests) => {
      const build = () => createLimiter({ algorithm, maxRequests, windowMs: 1000 });
      expect(build).toThrow(SettingError);
      expect(build).toThrow(/^maxRequests: /);
    });
    it.each([0, -5, NaN, Infinity])('windowMs %s', (windowMs) => {
      const build = () => createLimiter({ algorithm, maxRequests: 5, windowMs });
      expect(build).toThrow(SettingError);
      expect(build).toThrow(/^windowMs: /);
    });
  });

  it('the SettingError carries the setting for the UI', () => {
    try {
      createLimiter({ algorithm: 'fixed-window', maxRequests: 5, windowMs: -5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SettingError);
      expect((error as SettingError).setting).toBe('windowMs');
    }
  });
});

describe('isAlgorithmName', () => {
  it('knows the six algorithms and nothing else', () => {
    const written = [
      'sliding-window-log',
      'fixed-window',
      'sliding-window-counter',
      'token-bucket',
      'leaky-bucket',
      'gcra',
    ];
    expect([...NAMES].sort()).toEqual([...written].sort());
    for (const name of written) expect(isAlgorithmName(name)).toBe(true);
    expect(isAlgorithmName('sliding-window')).toBe(false);
    expect(isAlgorithmName('')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { ALGORITHMS, SettingError } from '../engine';
import { createAppState } from './index';
import { MAX_LIMIT_REQUESTS } from './playgroundSlice';

describe('applySettings', () => {
  it('refuses a limit above the playground’s maximum, naming the field, and changes nothing', () => {
    const store = create(createAppState);
    const before = store.getState().settings;
    for (const maxRequests of [MAX_LIMIT_REQUESTS + 1, 1e5, 1e12]) {
      const problem = store.getState().applySettings({ maxRequests });
      expect(problem).toBeInstanceOf(SettingError);
      expect(problem?.setting).toBe('maxRequests');
      expect(problem?.reason).toContain('at most 10,000');
    }
    expect(store.getState().settings).toBe(before);
    expect(store.getState().gateway.getSettings()).toEqual(before);
  });

  it('applies the maximum limit itself', () => {
    const store = create(createAppState);
    expect(store.getState().applySettings({ maxRequests: MAX_LIMIT_REQUESTS })).toBeNull();
    expect(store.getState().settings.maxRequests).toBe(MAX_LIMIT_REQUESTS);
  });

  it.each(ALGORITHMS.map((a) => a.name))(
    'refuses a window past one day with %s, and keeps the limiter it had',
    (algorithm) => {
      const store = create(createAppState);
      const before = store.getState().settings;
      const limiter = store.getState().gateway.getLimiter();
      for (const windowMs of [1e16, 1e308]) {
        const problem = store.getState().applySettings({ algorithm, windowMs });
        expect(problem?.setting).toBe('windowMs');
        expect(problem?.reason).toContain('at most 86,400,000 ms');
      }
      expect(store.getState().settings).toBe(before);
      expect(store.getState().gateway.getLimiter()).toBe(limiter);
    },
  );
});

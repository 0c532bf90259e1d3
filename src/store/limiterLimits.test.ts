import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { INITIAL_SETTINGS } from '../content/services';
import { limiterLimits } from './challengeSlice';
import { createAppState, type AppState } from './index';

describe('limiterLimits', () => {
  it('gives a replay’s limits to the learner’s limiter and leaves the settings alone', () => {
    const store = create<AppState>()(createAppState);
    const { maxRequests, windowMs } = INITIAL_SETTINGS;
    expect(limiterLimits(store.getState())).toEqual({ maxRequests, windowMs });
    const replay = { maxRequests: 2, windowMs: 1000 };
    store.getState().setLearnerLimiter({ active: true, note: null, limits: replay });
    expect(limiterLimits(store.getState())).toEqual(replay);
    expect(store.getState().settings).toEqual(INITIAL_SETTINGS);
    // Switched back to the built-in limiter: the settings' limits again.
    store.getState().setLearnerLimiter({ active: false, note: null });
    expect(limiterLimits(store.getState())).toEqual({ maxRequests, windowMs });
  });
});

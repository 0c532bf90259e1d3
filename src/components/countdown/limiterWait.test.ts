import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { burst } from '../../engine';
import { createAppState, type AppState } from '../../store';
import { quotaText } from '../graph/quota';
import { limiterWaitText } from './limiterWait';

describe('limiterWaitText', () => {
  it('is the one countdown: the client node says the same wait at any moment', async () => {
    const store = create<AppState>()(createAppState);
    const request = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };
    await store.getState().sendTraffic(burst(request, 6, 0));
    store.getState().settleNow();
    for (const atMs of [4_950, 5_049, 5_050, 17_321]) {
      store.getState().advanceClock(atMs);
      const state = store.getState();
      const wait = limiterWaitText(state, 'abc123', 'allowed');
      expect(wait).not.toBeNull();
      expect(quotaText(state, 'abc123')).toBe(`0 of 5 left · next in ${wait ?? ''}`);
    }
  });

  it('is null when the next request would pass now', () => {
    const store = create<AppState>()(createAppState);
    expect(limiterWaitText(store.getState(), 'abc123', 'allowed')).toBeNull();
  });
});

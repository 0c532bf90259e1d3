import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { burst } from '../../engine';
import { createAppState } from '../../store';
import { countedAhead, quotaText } from './quota';

function storeAfterOneRequest() {
  const store = create(createAppState);
  store
    .getState()
    .simulation.send(burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, 1, 0));
  const arrivalMs = store.getState().simulation.arrivalMs({
    clientId: 'mobile',
    apiKey: 'abc123',
    path: '/api/users',
    sentAtMs: 0,
  });
  store.getState().advanceClock(arrivalMs);
  return { store, arrivalMs };
}

describe('quotaText', () => {
  it('shows the quota unchanged while the request is still at Auth, and one less after the limiter', () => {
    const { store, arrivalMs } = storeAfterOneRequest();
    const trace = store.getState().traces[0];
    const limiterAtMs = trace?.events.find(
      (e) => e.type === 'stage' && e.stage === 'rate-limit',
    )?.atMs;
    expect(limiterAtMs).toBeGreaterThan(arrivalMs);
    expect(quotaText(store.getState(), 'abc123')).toBe('5 of 5 left');
    store.getState().advanceClock(limiterAtMs ?? 0);
    expect(quotaText(store.getState(), 'abc123')).toBe('4 of 5 left');
  });

  it('counts only passes of this key that have not reached the limiter', () => {
    const { store, arrivalMs } = storeAfterOneRequest();
    const { traces } = store.getState();
    expect(countedAhead(traces, 'abc123', arrivalMs)).toBe(1);
    expect(countedAhead(traces, 'web456', arrivalMs)).toBe(0);
    expect(countedAhead(traces, 'abc123', arrivalMs + 60_000)).toBe(0);
  });

  it('has short forms for the phone nodes', () => {
    const store = create(createAppState);
    expect(quotaText(store.getState(), 'abc123', true)).toBe('5/5 left');
    expect(quotaText(store.getState(), null, true)).toBe('No key → 401');
  });
});

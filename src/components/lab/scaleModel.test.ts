import { describe, expect, it } from 'vitest';
import { runScale } from '../../engine/scale';
import { evenArrivals, journey, scaleSettings } from './scaleModel';

const choice = {
  replicas: 2,
  counters: 'shared' as const,
  strategy: 'read-then-write' as const,
  storeRoundTripMs: 10,
  maxRequests: 1,
  windowMs: 60_000,
};

describe('the scale drawing’s model', () => {
  it('spaces arrivals evenly from 0', () => {
    expect(evenArrivals(4, 5)).toEqual([0, 5, 10, 15]);
  });

  it('builds local settings without store fields, shared ones with them', () => {
    expect(scaleSettings({ ...choice, counters: 'local' })).toEqual({
      counters: 'local',
      replicas: 2,
      maxRequests: 1,
      windowMs: 60_000,
    });
    expect(scaleSettings(choice)).toMatchObject({
      strategy: 'read-then-write',
      storeRoundTripMs: 10,
    });
  });

  it('tells a request’s journey from the engine’s trips', () => {
    const result = runScale(scaleSettings(choice), [0, 100]);
    const [first, second] = result.requests;
    expect(first && journey(first)).toBe(
      'Request 1 at 0 ms → replica 1, the store: GET read 0, then INCR made it 1; allowed at 10 ms.',
    );
    expect(second && journey(second)).toBe(
      'Request 2 at 100 ms → replica 2, the store: GET read 1; refused (429) at 110 ms.',
    );
    const local = runScale(scaleSettings({ ...choice, counters: 'local' }), [7]);
    expect(local.requests[0] && journey(local.requests[0])).toBe(
      'Request 1 at 7 ms → replica 1, its own counter; allowed at 7 ms.',
    );
  });
});

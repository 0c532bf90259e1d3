import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GcraLimiter } from './gcra';
import { TokenBucketLimiter } from './tokenBucket';

const RUNS = { seed: 7, numRuns: 300 } as const;
const CLIENTS = ['a', 'b', 'c'] as const;

describe('GcraLimiter', () => {
  it('lets maxRequests through at once, then refuses', () => {
    const limiter = new GcraLimiter(5, 60_000);
    const decisions = Array.from({ length: 6 }, () => limiter.allowRequest('a', 1000));
    expect(decisions).toEqual([true, true, true, true, true, false]);
  });

  it('then lets one through every emission interval (12 s for 5 per minute)', () => {
    const limiter = new GcraLimiter(5, 60_000);
    for (let i = 0; i < 5; i++) limiter.allowRequest('a', 0);
    expect(limiter.theoreticalArrivalMs('a', 0)).toBe(60_000);
    expect(limiter.allowRequest('a', 11_999)).toBe(false);
    expect(limiter.allowRequest('a', 12_000)).toBe(true);
    expect(limiter.allowRequest('a', 12_000)).toBe(false);
    expect(limiter.theoreticalArrivalMs('a', 12_000)).toBe(72_000);
    expect(limiter.allowRequest('a', 24_000)).toBe(true);
  });

  it('keeps one timestamp: an idle client gets its whole burst back, no more', () => {
    const limiter = new GcraLimiter(3, 1000);
    limiter.allowRequest('a', 0);
    const decisions = Array.from({ length: 4 }, () => limiter.allowRequest('a', 1_000_000));
    expect(decisions).toEqual([true, true, true, false]);
    expect(limiter.gauge('a', 1_000_000)).toMatchObject({ numbersHeld: 1, value: 3, max: 3 });
  });

  it('refused requests do not move the theoretical arrival time', () => {
    const limiter = new GcraLimiter(2, 1000);
    limiter.allowRequest('a', 0);
    limiter.allowRequest('a', 0);
    for (let t = 1; t < 500; t += 7) expect(limiter.allowRequest('a', t)).toBe(false);
    expect(limiter.theoreticalArrivalMs('a', 499)).toBe(1000);
    expect(limiter.allowRequest('a', 500)).toBe(true);
  });

  it('handles emission intervals that are not whole ms exactly (3 per second)', () => {
    const limiter = new GcraLimiter(3, 1000);
    for (let i = 0; i < 3; i++) expect(limiter.allowRequest('a', 0)).toBe(true);
    // T = 333.3 ms: the next request is due at 333.3, so 333 is early and 334 is on time.
    expect(limiter.allowRequest('a', 333)).toBe(false);
    expect(limiter.snapshot('a', 333).msUntilAllowed).toBe(1);
    expect(limiter.allowRequest('a', 334)).toBe(true);
  });

  it('snapshot and gauge describe the debt', () => {
    const limiter = new GcraLimiter(4, 4000);
    limiter.allowRequest('a', 0);
    limiter.allowRequest('a', 0);
    expect(limiter.snapshot('a', 0)).toMatchObject({
      limit: 4,
      remaining: 2,
      msUntilAllowed: 0,
      msUntilNextSlot: 1000,
    });
    expect(limiter.gauge('a', 500)).toEqual({
      label: 'requests ahead of schedule',
      value: 1.5,
      max: 4,
      markMs: 2000,
      markLabel: 'theoretical arrival time',
      numbersHeld: 1,
      exact: true,
    });
    expect(limiter.gauge('nobody', 500)).toMatchObject({ value: 0, numbersHeld: 0 });
  });

  it('evictIdle drops clients whose theoretical arrival time has passed', () => {
    const limiter = new GcraLimiter(2, 1000);
    limiter.allowRequest('a', 0);
    limiter.allowRequest('b', 400);
    expect(limiter.evictIdle(499)).toBe(0);
    expect(limiter.evictIdle(500)).toBe(1);
    expect(limiter.clientCount).toBe(1);
    expect(limiter.evictIdle(900)).toBe(1);
  });
});

/**
 * GCRA as ITU-T I.371 also states it, the "continuous-state leaky bucket": a counter X that drains
 * one unit per unit of time and a last conformance time. A request conforms unless the drained
 * counter exceeds the limit τ; a conforming one adds the increment T. Exact integer arithmetic in
 * units of 1/maxRequests ms, written apart from the engine's virtual-scheduling form.
 */
class ContinuousStateGcra {
  private readonly clients = new Map<string, { x: number; lastConformMs: number }>();
  constructor(
    private readonly maxRequests: number,
    private readonly windowMs: number,
  ) {}
  allowRequest(clientId: string, t: number): boolean {
    const state = this.clients.get(clientId);
    const increment = this.windowMs;
    const limit = (this.maxRequests - 1) * this.windowMs;
    if (state === undefined) {
      this.clients.set(clientId, { x: increment, lastConformMs: t });
      return true;
    }
    const drained = Math.max(0, state.x - (t - state.lastConformMs) * this.maxRequests);
    if (drained > limit) return false;
    state.x = drained + increment;
    state.lastConformMs = t;
    return true;
  }
  /** When the counter would be empty: the theoretical arrival time. */
  emptyAtMs(clientId: string, nowMs: number): number {
    const state = this.clients.get(clientId);
    return state === undefined ? nowMs : state.lastConformMs + state.x / this.maxRequests;
  }
}

const traceArb = fc
  .array(
    fc.record({
      clientId: fc.constantFrom(...CLIENTS),
      gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 })),
    }),
    { minLength: 1, maxLength: 300 },
  )
  .map((steps) => {
    let t = 0;
    return steps.map(({ clientId, gapMs }) => ({ clientId, timestampMs: (t += gapMs) }));
  });
const settingsArb = fc.record({
  maxRequests: fc.integer({ min: 1, max: 20 }),
  windowMs: fc.integer({ min: 1, max: 5000 }),
});

describe('GcraLimiter on random traces', () => {
  it('decides like the continuous-state reference and reports the same TAT', () => {
    fc.assert(
      fc.property(settingsArb, traceArb, ({ maxRequests, windowMs }, trace) => {
        const limiter = new GcraLimiter(maxRequests, windowMs);
        const reference = new ContinuousStateGcra(maxRequests, windowMs);
        for (const { clientId, timestampMs } of trace) {
          expect(limiter.allowRequest(clientId, timestampMs)).toBe(
            reference.allowRequest(clientId, timestampMs),
          );
          expect(limiter.theoreticalArrivalMs(clientId, timestampMs)).toBeCloseTo(
            reference.emptyAtMs(clientId, timestampMs),
            6,
          );
        }
      }),
      RUNS,
    );
  });

  it('decides exactly like the token bucket of capacity maxRequests', () => {
    fc.assert(
      fc.property(settingsArb, traceArb, ({ maxRequests, windowMs }, trace) => {
        const gcra = new GcraLimiter(maxRequests, windowMs);
        const bucket = new TokenBucketLimiter(maxRequests, windowMs);
        for (const { clientId, timestampMs } of trace) {
          expect(gcra.allowRequest(clientId, timestampMs)).toBe(
            bucket.allowRequest(clientId, timestampMs),
          );
          expect(gcra.snapshot(clientId, timestampMs)).toEqual(
            bucket.snapshot(clientId, timestampMs),
          );
        }
      }),
      RUNS,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { SettingError } from './errors';
import { createRandom } from './random';
import { MAX_TRAFFIC, burst, mix, poisson, spread, type RequestTemplate } from './traffic';

const ALICE: RequestTemplate = { clientId: 'alice', apiKey: 'abc123', path: '/api/users' };
const BOB: RequestTemplate = { clientId: 'bob', apiKey: null, path: '/api/orders' };

describe('traffic generators', () => {
  it('burst sends count requests at one instant', () => {
    const requests = burst(ALICE, 3, 250);
    expect(requests).toEqual([
      { ...ALICE, sentAtMs: 250 },
      { ...ALICE, sentAtMs: 250 },
      { ...ALICE, sentAtMs: 250 },
    ]);
  });

  it('spread sends evenly at perSecond', () => {
    expect(spread(ALICE, 4, 1000, 2).map((r) => r.sentAtMs)).toEqual([1000, 1500, 2000, 2500]);
  });

  it.each([-3, 0, 1.5, NaN, MAX_TRAFFIC + 1])('rejects count %s', (count) => {
    expect(() => burst(ALICE, count, 0)).toThrow(/^count: must be a whole number from 1 to 100000/);
    expect(() => spread(ALICE, count, 0, 1)).toThrow(SettingError);
  });

  it('accepts the largest count', () => {
    expect(burst(ALICE, MAX_TRAFFIC, 0)).toHaveLength(MAX_TRAFFIC);
  });

  it('rejects negative start times and non-positive rates, naming the setting', () => {
    expect(() => burst(ALICE, 1, -1)).toThrow(/^atMs: /);
    expect(() => spread(ALICE, 1, 0, 0)).toThrow(/^perSecond: /);
    expect(() => poisson(ALICE, createRandom(1), 0, 0, 1)).toThrow(/^durationMs: /);
  });

  it('poisson with a seeded Random is deterministic and stays inside its span', () => {
    const a = poisson(ALICE, createRandom(7), 1000, 60_000, 2);
    const b = poisson(ALICE, createRandom(7), 1000, 60_000, 2);
    const c = poisson(ALICE, createRandom(8), 1000, 60_000, 2);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    // About 120 expected; far outside [70, 170] would mean the rate is wrong.
    expect(a.length).toBeGreaterThan(70);
    expect(a.length).toBeLessThan(170);
    for (let i = 0; i < a.length; i++) {
      const t = a[i]?.sentAtMs as number;
      expect(t).toBeGreaterThan(1000);
      expect(t).toBeLessThan(61_000);
      if (i > 0) expect(t).toBeGreaterThanOrEqual(a[i - 1]?.sentAtMs as number);
    }
  });

  it('poisson stops at MAX_TRAFFIC', () => {
    expect(poisson(ALICE, createRandom(1), 0, 1000, 1e9)).toHaveLength(MAX_TRAFFIC);
  });

  it('mix merges in time order and keeps stream order for equal times', () => {
    const merged = mix(burst(BOB, 2, 100), spread(ALICE, 3, 0, 10), burst(ALICE, 1, 100));
    expect(merged.map((r) => [r.clientId, r.sentAtMs])).toEqual([
      ['alice', 0],
      ['bob', 100],
      ['bob', 100],
      ['alice', 100], // from spread, the second stream
      ['alice', 100], // from the last burst
      ['alice', 200],
    ]);
  });
});

describe('createRandom', () => {
  it('repeats for a seed, differs between seeds, stays in [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs);
    expect(createRandom(43).next()).not.toBe(xs[0]);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('int covers [min, max] inclusive', () => {
    const random = createRandom(1);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('state lets the sequence continue from where it was', () => {
    const a = createRandom(9);
    a.next();
    const b = createRandom(a.state);
    expect(b.next()).toBe(a.next());
  });
});

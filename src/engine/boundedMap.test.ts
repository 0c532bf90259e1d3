import { describe, expect, it } from 'vitest';
import { BoundedMap } from './boundedMap';

describe('BoundedMap', () => {
  it('keeps every entry up to its limit', () => {
    const map = new BoundedMap<number, number>(3);
    [1, 2, 3].forEach((n) => map.set(n, n * 10));
    expect([...map]).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
  });

  it('starts afresh when a new key would go past the limit, and keeps that key', () => {
    const map = new BoundedMap<number, number>(3);
    [1, 2, 3, 4].forEach((n) => map.set(n, n));
    expect([...map.keys()]).toEqual([4]);
  });

  it('replaces a key it holds without forgetting the others', () => {
    const map = new BoundedMap<number, number>(2);
    map.set(1, 1).set(2, 2).set(2, 20);
    expect([...map]).toEqual([
      [1, 1],
      [2, 20],
    ]);
  });
});

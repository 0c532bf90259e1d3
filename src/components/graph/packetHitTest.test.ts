import { describe, expect, it } from 'vitest';
import { packetAt, pickOf, type PacketHitTarget } from './packetHitTest';

const target = (x: number, y: number, traceIds: number[], r = 5): PacketHitTarget => ({
  x,
  y,
  r,
  traceIds,
});

describe('packetAt', () => {
  it('finds the mark under the point, within its radius and the slop', () => {
    const targets = [target(10, 10, [1]), target(100, 10, [2])];
    expect(packetAt(targets, { x: 12, y: 11 })?.traceIds).toEqual([1]);
    expect(packetAt(targets, { x: 20, y: 10 })).toBeNull();
    expect(packetAt(targets, { x: 20, y: 10 }, 6)?.traceIds).toEqual([1]);
    expect(packetAt([], { x: 0, y: 0 }, 100)).toBeNull();
  });

  it('picks the nearest of overlapping marks, and the one drawn on top on a tie', () => {
    const targets = [target(0, 0, [1]), target(6, 0, [2]), target(6, 0, [3])];
    expect(packetAt(targets, { x: 1, y: 0 })?.traceIds).toEqual([1]);
    expect(packetAt(targets, { x: 5, y: 0 })?.traceIds).toEqual([3]);
  });

  it('passes over marks that stand for no decided request', () => {
    expect(packetAt([target(0, 0, [])], { x: 0, y: 0 })).toBeNull();
    expect(packetAt([target(0, 0, [7]), target(0, 0, [])], { x: 0, y: 0 })?.traceIds).toEqual([7]);
  });
});

describe('pickOf', () => {
  it('opens the newest request of a mark and says how many it stands for', () => {
    expect(pickOf(target(0, 0, [4, 9, 6]))).toEqual({ id: 9, among: 3 });
    expect(pickOf(target(0, 0, [2]))).toEqual({ id: 2, among: 1 });
    expect(pickOf(target(0, 0, []))).toBeNull();
  });
});

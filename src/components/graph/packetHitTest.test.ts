import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING, Gateway, Simulation, burst } from '../../engine';
import { INITIAL_ROUTES } from '../../content/services';
import { packetMarks } from './drawPackets';
import { graphLayout } from './layout';
import { packetAt, pickOf, toFlowPoint, type PacketHitTarget } from './packetHitTest';
import { packetTargetsAt } from './packetTargets';

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

describe('toFlowPoint', () => {
  it('undoes the pan and zoom of the graph', () => {
    expect(toFlowPoint({ x: 110, y: 60 }, [10, 20, 2])).toEqual({ x: 50, y: 20 });
  });
});

describe('packetTargetsAt', () => {
  const layout = graphLayout('horizontal');

  function sixFromMobile() {
    const simulation = new Simulation(new Gateway({}, INITIAL_ROUTES), { seed: 1 });
    simulation.send(burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, 6, 0));
    return simulation.advanceTo(300);
  }

  it('groups the packets as the drawing does, with the ids of the requests in each group', () => {
    const traces = sixFromMobile();
    const drawn = packetMarks(layout, traces, [], 850, 0, DEFAULT_TIMING).marks;
    const targets = packetTargetsAt(layout, traces, 850, DEFAULT_TIMING, 7);
    expect(targets.map((t) => t.traceIds.length).sort()).toEqual(drawn.map((m) => m.count).sort());
    for (const mark of drawn) {
      const hit = packetAt(targets, mark);
      expect(hit?.traceIds).toHaveLength(mark.count);
    }
    // The 429 turning back is request 6; the five waiting at the router are 1 to 5.
    const refused = drawn.find((m) => m.status === 429);
    expect(refused).toBeDefined();
    expect(pickOf(packetAt(targets, refused!)!)).toEqual({ id: 6, among: 1 });
    const waiting = drawn.find((m) => m.status === null);
    expect(pickOf(packetAt(targets, waiting!)!)).toEqual({ id: 5, among: 5 });
  });

  it('has no target once every request is back, nor before it was sent', () => {
    const traces = sixFromMobile();
    expect(packetTargetsAt(layout, traces, 100_000, DEFAULT_TIMING, 7)).toEqual([]);
    expect(packetTargetsAt(layout, traces, -1, DEFAULT_TIMING, 7)).toEqual([]);
  });

  it('works out at most so many new packets in one call, the rest in later calls', () => {
    const traces = sixFromMobile();
    const layout = graphLayout('horizontal', 'column');
    const ids = (maxNew: number) =>
      packetTargetsAt(layout, traces, 850, DEFAULT_TIMING, 7, maxNew).flatMap((t) => t.traceIds);
    expect(ids(2)).toHaveLength(2);
    expect(ids(2)).toHaveLength(4);
    expect(ids(2).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING, Gateway, Simulation, burst, spread } from '../../engine';
import { INITIAL_ROUTES } from '../../content/services';
import {
  BUNCH_GAP,
  MOST_SINGLE_PACKETS,
  packetHitTargets,
  packetMarks,
  placeMarks,
  rememberShownFrame,
  type PacketMark,
} from './drawPackets';
import { graphLayout } from './layout';

describe('packetMarks', () => {
  const layout = graphLayout('horizontal');

  it('draws queued requests on their way to the gateway', () => {
    const pending = burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, 6, 0);
    const { marks } = packetMarks(layout, [], pending, 150, 0, DEFAULT_TIMING);
    expect(marks).toEqual([expect.objectContaining({ count: 6, status: null })]);
  });

  it('shows the 429 turning back while the five others wait at the router', () => {
    const simulation = new Simulation(new Gateway({}, INITIAL_ROUTES), { seed: 1 });
    simulation.send(burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, 6, 0));
    const traces = simulation.advanceTo(300);
    const { marks } = packetMarks(layout, traces, [], 850, 0, DEFAULT_TIMING);
    expect(marks.find((m) => m.status === 429)?.count).toBe(1);
    expect(marks.find((m) => m.status === null)?.count).toBe(5);
  });

  it('moves its hint past requests that are back', () => {
    const simulation = new Simulation(new Gateway({}, INITIAL_ROUTES), { seed: 1 });
    simulation.send(burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, 3, 0));
    const traces = simulation.runAll();
    const { marks, nextStart } = packetMarks(layout, traces, [], 100_000, 0, DEFAULT_TIMING);
    expect(marks).toEqual([]);
    expect(nextStart).toBe(3);
  });

  it('resolves a big burst over several frames and says so until it is done', () => {
    const simulation = new Simulation(new Gateway({}, INITIAL_ROUTES), { seed: 1 });
    simulation.send(burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, 500, 0));
    const traces = simulation.runAll();
    const first = packetMarks(layout, traces, [], 400, 0, DEFAULT_TIMING);
    expect(first.deferred).toBe(true);
    const count = (marks: readonly { count: number }[]) => marks.reduce((n, m) => n + m.count, 0);
    expect(count(first.marks)).toBeLessThan(500);
    const second = packetMarks(layout, traces, [], 400, first.nextStart, DEFAULT_TIMING);
    expect(second.deferred).toBe(false);
    expect(count(second.marks)).toBe(500);
  });

  it('stops resolving new paths once the frame says its time is spent', () => {
    const simulation = new Simulation(new Gateway({}, INITIAL_ROUTES), { seed: 1 });
    simulation.send(burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, 200, 0));
    const traces = simulation.runAll();
    const count = (marks: readonly { count: number }[]) => marks.reduce((n, m) => n + m.count, 0);
    let asked = 0;
    const slow = packetMarks(layout, traces, [], 400, 0, DEFAULT_TIMING, {
      outOfTime: () => ++asked > 0,
    });
    expect(slow.deferred).toBe(true);
    expect(asked).toBe(1);
    expect(count(slow.marks)).toBe(25);
    const next = packetMarks(layout, traces, [], 400, slow.nextStart, DEFAULT_TIMING);
    expect(next.deferred).toBe(false);
    expect(count(next.marks)).toBe(200);
  });
});

describe('streams: many packets on one leg are one mark', () => {
  const layout = graphLayout('horizontal');
  const mobile = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };
  const inFlight = (marks: readonly { count: number }[]) => marks.reduce((n, m) => n + m.count, 0);

  /** 100 requests a second for 20 s, looked at `atMs` into it (the speed does not move them). */
  function steadyStream(atMs: number) {
    const simulation = new Simulation(new Gateway({}, INITIAL_ROUTES), { seed: 1 });
    simulation.send(spread(mobile, 2_000, 0, 100));
    const traces = simulation.advanceTo(atMs);
    const pending = simulation.pending.filter((r) => r.sentAtMs <= atMs);
    const expected =
      traces.filter((t) => t.respondedAtMs > atMs && t.request.sentAtMs <= atMs).length +
      pending.length;
    return { traces, pending, expected, timing: simulation.timing };
  }

  it('draws 100 requests a second as a few streams whose counts add up to every packet', () => {
    const { traces, pending, expected, timing } = steadyStream(5_000);
    const { marks } = packetMarks(layout, traces, pending, 5_000, 0, timing);
    expect(expected).toBeGreaterThan(50);
    expect(inFlight(marks)).toBe(expected);
    // One mark per leg and outcome, not one per packet: readable at any speed.
    expect(marks.length).toBeLessThanOrEqual(6);
    const incoming = marks.find((m) => m.status === null && m.dirX !== 0);
    expect(incoming).toBeDefined();
    expect(incoming?.count).toBeGreaterThan(MOST_SINGLE_PACKETS);
    // A stream runs from its last packet to its first, along its leg.
    if (incoming === undefined) return;
    const length = Math.hypot(incoming.x - incoming.tailX, incoming.y - incoming.tailY);
    expect(length).toBeGreaterThan(BUNCH_GAP);
    expect((incoming.x - incoming.tailX) / length).toBeCloseTo(incoming.dirX, 5);
    expect((incoming.y - incoming.tailY) / length).toBeCloseTo(incoming.dirY, 5);
  });

  it('keeps refusals on their way back apart from requests on their way in', () => {
    const { traces, pending, timing } = steadyStream(5_000);
    const { marks } = packetMarks(layout, traces, pending, 5_000, 0, timing);
    const refused = marks.filter((m) => m.status === 429 && m.dirX !== 0);
    expect(refused).toHaveLength(1);
    // Going back towards the client, on the other lane from the requests coming in.
    const incoming = marks.find((m) => m.status === null && m.dirX > 0);
    expect(incoming).toBeDefined();
    expect(refused[0]?.dirX).toBeLessThan(0);
    if (incoming === undefined || refused[0] === undefined) return;
    const shift = (mark: PacketMark) => {
      const [placed] = placeMarks([mark], [0, 0, 1]);
      return { x: (placed?.x ?? 0) - mark.x, y: (placed?.y ?? 0) - mark.y };
    };
    const back = shift(refused[0]);
    const ahead = shift(incoming);
    expect(back.x * ahead.x + back.y * ahead.y).toBeLessThan(0);
  });

  it('draws a few spaced-out requests one by one, and bunches those on top of each other', () => {
    const simulation = new Simulation(new Gateway({}, INITIAL_ROUTES), { seed: 1 });
    const spaced = [...burst(mobile, 1, 0), ...burst(mobile, 1, 100), ...burst(mobile, 2, 200)];
    const { marks } = packetMarks(layout, [], spaced, 250, 0, simulation.timing);
    expect(marks.map((m) => m.count).sort()).toEqual([1, 1, 2]);
    for (const mark of marks) expect(mark.tailX).toBe(mark.x);
  });
});

describe('placeMarks', () => {
  const mark = (x: number, count: number, status: PacketMark['status']): PacketMark => ({
    x,
    y: 100,
    tailX: x,
    tailY: 100,
    dirX: 0,
    dirY: 0,
    status,
    cacheHit: false,
    count,
    traceIds: [count],
  });

  it('joins heads of one outcome at one spot, and keeps other outcomes apart', () => {
    const placed = placeMarks(
      [mark(100, 3, null), mark(104, 12, null), mark(102, 1, 429)],
      [10, 20, 1],
    );
    const shown = placed.filter((m) => !m.joined);
    expect(shown.map((m) => [m.status, m.count])).toEqual([
      [null, 15],
      [429, 1],
    ]);
    expect(shown[0]).toMatchObject({ x: 114, y: 120, traceIds: [12, 3] });
  });

  it('scales with the zoom, with marks never smaller than 5 px', () => {
    expect(placeMarks([mark(100, 1, 200)], [0, 0, 2])[0]).toMatchObject({ x: 200, r: 14 });
    expect(placeMarks([mark(100, 1, 200)], [0, 0, 0.25])[0]?.r).toBe(5);
  });
});

describe('packetHitTargets', () => {
  const layout = graphLayout('horizontal');
  const mobile = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };

  it('says where each drawn mark is and which requests it stands for', () => {
    const simulation = new Simulation(new Gateway({}, INITIAL_ROUTES), { seed: 1 });
    simulation.send(spread(mobile, 400, 0, 100));
    const traces = simulation.advanceTo(3_000);
    const atMs = 3_000;
    const viewport = [5, 7, 1] as const;
    const { timing } = simulation;
    packetMarks(layout, traces, [], atMs, 0, timing);
    rememberShownFrame({ layout, traces, pending: [], atMs, startIndex: 0, timing, viewport });
    const targets = packetHitTargets();
    const ids = new Set(targets.flatMap((t) => t.traceIds));
    const moving = traces.filter((t) => t.respondedAtMs > atMs && t.events[0]!.atMs <= atMs);
    expect(ids).toEqual(new Set(moving.map((t) => t.id)));
    const placed = placeMarks(packetMarks(layout, traces, [], atMs, 0, timing).marks, viewport);
    for (const mark of placed.filter((m) => !m.joined)) {
      expect(targets).toContainEqual(expect.objectContaining({ x: mark.x, y: mark.y, r: mark.r }));
    }
    rememberShownFrame(null);
    expect(packetHitTargets()).toEqual([]);
  });
});

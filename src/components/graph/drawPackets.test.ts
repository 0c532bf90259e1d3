import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING, Gateway, Simulation, burst } from '../../engine';
import { INITIAL_ROUTES } from '../../content/services';
import { packetMarks } from './drawPackets';
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
});

import { describe, expect, it } from 'vitest';
import { Gateway, Simulation, burst, type RequestTrace } from '../engine';
import { INITIAL_ROUTES } from '../content/services';
import { appendTraces, decidedCount, NO_OLDER_TRACES } from './traceWindow';

function decided(count: number): RequestTrace[] {
  const simulation = new Simulation(new Gateway({}, INITIAL_ROUTES), { seed: 1 });
  simulation.send(burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, count, 0));
  return simulation.runAll();
}

describe('appendTraces', () => {
  const all = decided(30);
  const backBy = Math.max(...all.map((t) => t.respondedAtMs));

  it('keeps everything while the window has room', () => {
    const next = appendTraces(all.slice(0, 10), NO_OLDER_TRACES, all.slice(10), backBy, 20, 10);
    expect(next.traces).toHaveLength(30);
    expect(next.olderTraces).toBe(NO_OLDER_TRACES);
  });

  it('summarises the oldest beyond the window with exact counts', () => {
    const next = appendTraces(all.slice(0, 10), NO_OLDER_TRACES, all.slice(10), backBy, 8, 2);
    expect(next.traces).toEqual(all.slice(22));
    expect(decidedCount(next)).toBe(30);
    const { byStatus, servedByService, count } = next.olderTraces;
    expect(count).toBe(22);
    const kept = (status: number) => next.traces.filter((t) => t.decision.status === status);
    // The lesson's limit: five allowed, every later one refused.
    expect((byStatus[200] ?? 0) + kept(200).length).toBe(5);
    expect((byStatus[429] ?? 0) + kept(429).length).toBe(25);
    // All five allowed requests were among the 22 summarised, served by the one service.
    const service = all.find((t) => t.decision.status === 200)?.decision.service;
    expect(service).toBeDefined();
    expect(servedByService).toEqual({ [service as string]: 5 });
    // What the nodes' explanations count: each stage's verdicts, the client's statuses.
    const { tallies } = next.olderTraces;
    expect(tallies['stage rate-limit refuse']).toBe(17);
    expect(tallies['stage rate-limit pass']).toBe(5);
    expect(tallies['client mobile 429']).toBe(17);
    expect(tallies[`instance ${service}-1 served`]).toBe(5);
  });

  it('never summarises a request still on its way back', () => {
    const next = appendTraces([], NO_OLDER_TRACES, all, 0, 8, 2);
    expect(next.traces).toHaveLength(30);
    expect(next.olderTraces.count).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { makeTrace, runLab } from '../../engine/lab';
import { runJob } from './runJob';

const limit = { maxRequests: 5, windowMs: 60_000 };

describe('runJob', () => {
  it('answers with the engine’s result, the time it took and the job’s id', () => {
    let now = 0;
    const timer = () => (now += 1);
    const trace = makeTrace('boundary-burst', limit);
    const { reply, transfer } = runJob({ id: 7, limit, trace, samples: 20 }, runLab, timer);
    expect(reply.id).toBe(7);
    if (!('view' in reply)) throw new Error('expected a result');
    const direct = runLab(limit, trace, { samples: 20 });
    expect(reply.view.runs.map((r) => r.figures.allowed)).toEqual(
      direct.runs.map((r) => r.figures.allowed),
    );
    expect(reply.view.runs.map((r) => Array.from(r.requests.allowed))).toEqual(
      direct.runs.map((r) => r.requests.map((q) => (q.allowed ? 1 : 0))),
    );
    expect(reply.view.verdict).toEqual(direct.verdict);
    expect(reply.view.runs[0]?.figures.decisionsPerSecond).toBeGreaterThan(0);
    expect(reply.computeMs).toBeGreaterThan(0);
    // Five columns per algorithm cross without a copy.
    expect(transfer).toHaveLength(5 * direct.runs.length);
  });

  it('answers a bad setting with its sentence, not an error', () => {
    const trace = makeTrace('steady', limit);
    const { reply, transfer } = runJob(
      { id: 1, limit: { maxRequests: 0, windowMs: 1000 }, trace, samples: 20 },
      runLab,
      () => 0,
    );
    expect(reply).toEqual({ id: 1, problem: expect.stringMatching(/^maxRequests: /) });
    expect(transfer).toEqual([]);
  });
});

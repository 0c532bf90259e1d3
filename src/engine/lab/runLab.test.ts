import { describe, expect, it } from 'vitest';
import { ALGORITHMS, createLimiter } from '../limiters';
import { gaugeOf } from './gauges';
import { drawnTrace, makeTrace, type RetryStormTrace } from './patterns';
import { BYTES_PER_NUMBER, runLab, type AlgorithmRun, type LabResult } from './runLab';

const LIMIT = { maxRequests: 5, windowMs: 60_000 };

function runOf(result: LabResult, algorithm: string): AlgorithmRun {
  const run = result.runs.find((r) => r.algorithm === algorithm);
  if (run === undefined) throw new Error(`no run for ${algorithm}`);
  return run;
}

describe('runLab', () => {
  it('runs every algorithm of the registry, in its order', () => {
    const result = runLab(LIMIT, makeTrace('steady', LIMIT));
    expect(result.runs.map((r) => r.algorithm)).toEqual(ALGORITHMS.map((a) => a.name));
    expect(result.runs.map((r) => r.label)).toEqual(ALGORITHMS.map((a) => a.label));
  });

  it('makes the decisions the limiter itself makes, and reads its gauge after each', () => {
    const trace = makeTrace('poisson', LIMIT, { seed: 9 });
    const result = runLab(LIMIT, trace);
    for (const { name } of ALGORITHMS) {
      const limiter = createLimiter({ algorithm: name, ...LIMIT });
      const expected = (trace.kind === 'open' ? trace.timesMs : []).map((t) => {
        const allowed = limiter.allowRequest('learner', t);
        const { value, markMs } = gaugeOf(limiter, 'learner', t);
        return { atMs: t, allowed, level: value, markMs };
      });
      const run = runOf(result, name);
      expect(
        run.requests.map(({ atMs, allowed, level, markMs }) => ({ atMs, allowed, level, markMs })),
      ).toEqual(expected);
      const { label, max, markLabel, exact } = gaugeOf(limiter, 'learner', 0);
      expect(run.gauge).toEqual({ label, max, markLabel, exact });
      expect(run.figures.allowed + run.figures.refused).toBe(run.figures.sent);
      expect(run.figures.allowed).toBe(expected.filter((e) => e.allowed).length);
    }
  });

  it('boundary burst: the fixed window lets 2× the limit through in one window span', () => {
    const result = runLab(LIMIT, makeTrace('boundary-burst', LIMIT));
    expect(runOf(result, 'fixed-window').figures.mostInAnyWindow).toBe(10);
    expect(runOf(result, 'sliding-window-log').figures.mostInAnyWindow).toBe(5);
    expect(runOf(result, 'gcra').figures.mostInAnyWindow).toBe(5);
    expect(result.verdict[0]).toMatch(
      /^Fixed window let 10 through in 60 s \(2× the limit of 5\);.* sliding window \(log\),.* never more than 5\.$/,
    );
  });

  it('memory per client follows the state each algorithm keeps, 8 bytes a number', () => {
    const result = runLab(LIMIT, makeTrace('periodic-spikes', LIMIT));
    const bytes = Object.fromEntries(
      result.runs.map((r) => [r.algorithm, r.figures.memoryBytesPerClient / BYTES_PER_NUMBER]),
    );
    expect(bytes).toEqual({
      'sliding-window-log': 5,
      'fixed-window': 2,
      'sliding-window-counter': 3,
      'token-bucket': 2,
      'leaky-bucket': 2,
      gcra: 1,
    });
  });

  it('longest wait: the largest msUntilAllowed given at a refusal', () => {
    // Five at 0 and one at 1 s: the log says wait until 60 s, GCRA until the next 12 s slot.
    const result = runLab(LIMIT, drawnTrace([0, 0, 0, 0, 0, 1000]));
    expect(runOf(result, 'sliding-window-log').figures.longestWaitMs).toBe(59_000);
    expect(runOf(result, 'gcra').figures.longestWaitMs).toBe(11_000);
    expect(runOf(result, 'fixed-window').figures.longestWaitMs).toBe(59_000);
  });

  it('samples gauges evenly over the shared axis, showing the state at each moment', () => {
    const result = runLab(LIMIT, drawnTrace([0, 0, 30_000]), { samples: 4 });
    expect(result.startMs).toBe(0);
    expect(result.endMs).toBe(30_000);
    const gcra = runOf(result, 'gcra');
    expect(gcra.samples.map((s) => s.atMs)).toEqual([0, 10_000, 20_000, 30_000]);
    // Two requests at 0 put the TAT at 24 s; one more at 30 s (TAT long past) puts it at 42 s.
    expect(gcra.samples.map((s) => s.markMs)).toEqual([24_000, 24_000, 24_000, 42_000]);
    expect(gcra.samples.map((s) => s.level)).toEqual([2, 14 / 12, 4 / 12, 1]);
    expect(gcra.gauge).toMatchObject({ max: 5, markLabel: 'theoretical arrival time' });
  });

  it('measures decisions per second with the timer it is given', () => {
    let clock = 0;
    const timer = () => (clock += 1); // each reading 1 ms later
    const result = runLab(LIMIT, drawnTrace([0, 1, 2, 3]), { timer, minTimedMs: 5 });
    // Replays of 4 decisions until 5 ms have passed on this clock: 5 replays, 20 decisions in 5 ms.
    for (const run of result.runs) expect(run.figures.decisionsPerSecond).toBe(4000);
    expect(runLab(LIMIT, drawnTrace([0])).runs[0]?.figures.decisionsPerSecond).toBeNull();
  });
});

describe('runLab with a retry storm (closed loop)', () => {
  const demand = makeTrace('retry-storm', LIMIT, { windows: 2 }) as RetryStormTrace;

  it('retries every refusal after the fixed delay, up to maxRetries, per algorithm', () => {
    const result = runLab(LIMIT, demand);
    for (const run of result.runs) {
      const attempts = new Map<number, number[]>();
      for (const r of run.requests) {
        attempts.set(r.demandIndex, [...(attempts.get(r.demandIndex) ?? []), r.atMs]);
      }
      expect(attempts.size).toBe(demand.demandMs.length);
      for (const [index, times] of attempts) {
        expect(times[0]).toBe(demand.demandMs[index]);
        times.slice(1).forEach((t, k) => expect(t - (times[k] as number)).toBe(1000));
        expect(times.length).toBeLessThanOrEqual(1 + demand.maxRetries);
      }
    }
    // Closed loop: the algorithms see different traces.
    expect(new Set(result.runs.map((r) => r.figures.sent)).size).toBeGreaterThan(1);
  });

  it('honouring Retry-After retries no earlier than told, in whole seconds', () => {
    const honoured = { ...demand, honourRetryAfter: true };
    const result = runLab(LIMIT, honoured);
    for (const run of result.runs) {
      const last = new Map<number, { atMs: number; waitMs: number }>();
      for (const r of run.requests) {
        const before = last.get(r.demandIndex);
        if (before !== undefined) {
          const gap = r.atMs - before.atMs;
          expect(gap).toBeGreaterThanOrEqual(before.waitMs);
          expect(gap % 1000).toBe(0);
        }
        last.set(r.demandIndex, r);
      }
    }
    const verdict = result.verdict.join(' ');
    expect(verdict).toMatch(/retrying when Retry-After says/);
    expect(runLab(LIMIT, demand).verdict.join(' ')).toMatch(/retrying every 429 after 1 s/);
  });
});

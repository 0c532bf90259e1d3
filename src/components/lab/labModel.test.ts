import { describe, expect, it } from 'vitest';
import { makeTrace, runLab, type LabRequest } from '../../engine/lab';
import { toView } from './labProtocol';
import {
  axisTicks,
  formatAxisTime,
  countAtOrBefore,
  formatLevel,
  levelPath,
  markPaths,
  parseNumberIn,
  readoutPlacement,
  requestRows,
  runStateAt,
  timeScale,
} from './labModel';

const request = (atMs: number, allowed: boolean): LabRequest => ({
  atMs,
  allowed,
  demandIndex: 0,
  attempt: 0,
  waitMs: 0,
  level: 0,
  markMs: null,
});

/** Requests as the worker sends them: columns. */
function columns(requests: readonly LabRequest[]) {
  const limit = { maxRequests: 1, windowMs: 1000 };
  const run = {
    algorithm: 'fixed-window' as const,
    label: 'Fixed window',
    gauge: { label: '', max: 1, markLabel: null, exact: true },
    requests,
    samples: [],
    figures: {
      sent: 0,
      allowed: 0,
      refused: 0,
      gaveUp: 0,
      mostInAnyWindow: 0,
      longestWaitMs: 0,
      memoryBytesPerClient: 0,
      decisionsPerSecond: null,
    },
  };
  const result = { limit, startMs: 0, endMs: 0, runs: [run], verdict: [] };
  const shown = toView(result).view.runs[0];
  if (shown === undefined) throw new Error('no run');
  return shown.requests;
}

describe('timeScale', () => {
  it('maps the axis onto the pixels and back, clamping outside', () => {
    const scale = timeScale(1000, 3000, 10, 210);
    expect(scale.x(1000)).toBe(10);
    expect(scale.x(2000)).toBe(110);
    expect(scale.atMs(110)).toBe(2000);
    expect(scale.atMs(-50)).toBe(1000);
    expect(scale.atMs(500)).toBe(3000);
  });

  it('gives a one-moment trace a second around it', () => {
    const scale = timeScale(5000, 5000, 0, 100);
    expect(scale.x(5000)).toBe(50);
    expect(scale.endMs - scale.startMs).toBe(1000);
  });
});

describe('markPaths', () => {
  const scale = timeScale(0, 100, 0, 100);

  it('draws allowed requests as circles and refused ones as crosses', () => {
    const paths = markPaths(columns([request(10, true), request(20, false)]), scale, 5, 4);
    expect(paths.allowed).toContain('a2 2 0 1 0');
    expect(paths.allowed.match(/M/g)).toHaveLength(1);
    expect(paths.refused.match(/M/g)).toHaveLength(2);
    expect(paths.refused).toContain('M18 3l4 4');
  });

  it('draws marks on the same pixel once', () => {
    const many = Array.from({ length: 1000 }, (_, i) => request(50 + i / 1e4, true));
    expect(markPaths(columns(many), scale, 5, 4).allowed.match(/M/g)).toHaveLength(1);
  });
});

describe('levelPath', () => {
  it('steps through the samples, full scale at the top, capped at the max', () => {
    const scale = timeScale(0, 100, 0, 100);
    const samples = [
      { atMs: 0, level: 0, markMs: null },
      { atMs: 50, level: 5, markMs: null },
      { atMs: 100, level: 9, markMs: null },
    ];
    expect(levelPath(samples, 5, scale, 30, 20)).toBe('M0 30H50V10H100V10');
    expect(levelPath([], 5, scale, 30, 20)).toBe('');
  });
});

describe('countAtOrBefore and runStateAt', () => {
  it('counts by binary search, ties included', () => {
    const sorted = [1, 2, 2, 5];
    const at = (i: number) => sorted[i] as number;
    expect([0, 1, 2, 4, 5, 9].map((t) => countAtOrBefore(4, at, t))).toEqual([0, 1, 3, 3, 4, 4]);
  });

  it('agrees with counting the run directly at every moment', () => {
    const limit = { maxRequests: 3, windowMs: 1000 };
    const result = runLab(limit, makeTrace('periodic-spikes', limit), { samples: 50 });
    const { view } = toView(result);
    result.runs.forEach((run, k) => {
      const shown = view.runs[k];
      if (shown === undefined) throw new Error('a run went missing');
      expect(requestRows(shown.requests, 3)).toEqual(
        run.requests.slice(0, 3).map(({ atMs, allowed, attempt, waitMs, level }) => ({
          atMs,
          allowed,
          attempt,
          waitMs,
          level,
        })),
      );
      for (let t = result.startMs; t <= result.endMs; t += 97) {
        const state = runStateAt(shown, t);
        const seen = run.requests.filter((r) => r.atMs <= t);
        expect(state.allowedSoFar).toBe(seen.filter((r) => r.allowed).length);
        expect(state.refusedSoFar).toBe(seen.filter((r) => !r.allowed).length);
        const sample = [...run.samples].reverse().find((s) => s.atMs <= t);
        expect(state.level).toBe(sample?.level);
      }
    });
  });
});

describe('axisTicks', () => {
  it('puts round ticks across the span', () => {
    expect(axisTicks(0, 60_000, 6)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(axisTicks(57_000, 61_000, 2)).toEqual([58_000, 60_000]);
  });
});

describe('formatAxisTime', () => {
  it('keeps seconds up to ten minutes, so one axis reads in one unit', () => {
    expect([0, 59_500, 200_000, 720_000].map(formatAxisTime)).toEqual([
      '0 s',
      '59.5 s',
      '200 s',
      '12 min',
    ]);
  });
});

describe('readoutPlacement', () => {
  it('goes after the cursor, else before it, else from the left edge', () => {
    expect(readoutPlacement(10, 10, 0, 200)).toEqual({ x: 16, anchor: 'start' });
    expect(readoutPlacement(190, 10, 0, 200)).toEqual({ x: 184, anchor: 'end' });
    expect(readoutPlacement(100, 40, 0, 200)).toEqual({ x: 0, anchor: 'start' });
  });
});

describe('parseNumberIn and formatLevel', () => {
  const range = { min: 1, max: 10 };
  it('takes numbers in range and says what is wrong with the rest', () => {
    expect(parseNumberIn(' 4 ', range, 'Requests', true)).toEqual({ value: 4 });
    expect(parseNumberIn('2.5', range, 'Window', false)).toEqual({ value: 2.5 });
    expect(parseNumberIn('2.5', range, 'Requests', true)).toEqual({
      problem: 'Requests: enter a whole number from 1 to 10.',
    });
    expect(parseNumberIn('', range, 'Requests', true)).toHaveProperty('problem');
    expect(parseNumberIn('11', range, 'Requests', true)).toEqual({
      problem: 'Requests: 11 is outside 1 to 10.',
    });
  });

  it('rounds a gauge that counts whole requests', () => {
    expect(formatLevel(2.456, true)).toBe('2.46');
    expect(formatLevel(2.6, false)).toBe('3');
  });
});

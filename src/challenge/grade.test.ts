import { describe, expect, it } from 'vitest';
import { MODEL_SOLUTION } from '../content/challenge/modelSolution';
import { SAMPLE_TESTS } from '../content/challenge/samples';
import { STARTER_CODE } from '../content/challenge/starter';
import { MAX_LOG_TOTAL_CHARS } from '../sandbox/learnerProtocol';
import { gradeSource, referenceDecisions } from './index';
import { LearnerSession, type LearnerEndpoint } from './learnerSession';
import { WRONG_SOLUTIONS } from './wrongSolutions.fixture';

const RANDOM = /^randomized comparison/;

function failedNames(report: Awaited<ReturnType<typeof gradeSource>>): string[] {
  return report.results.filter((r) => !r.passed).map((r) => r.name);
}

describe('gradeSource', { timeout: 30_000 }, () => {
  it('passes the model solution on every test', async () => {
    const report = await gradeSource(MODEL_SOLUTION);
    expect(failedNames(report)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.results.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'basic limit',
        'window expiry',
        'exact boundary',
        'independent clients',
        'refused requests not recorded',
        'uses the given timestamps, not the clock',
        'large input (100,000 calls)',
      ]),
    );
  });

  it('accepts an exported class in plain JavaScript, and passes it when it is right', async () => {
    const js = `export class RateLimiter {
  constructor(maxRequests, windowMs) {
    this.maxRequests = maxRequests;
    this.windowMs = windowMs;
    this.logs = new Map();
  }
  allowRequest(clientId, timestamp) {
    const kept = (this.logs.get(clientId) ?? []).filter((t) => timestamp - t < this.windowMs);
    this.logs.set(clientId, kept);
    if (kept.length >= this.maxRequests) return false;
    kept.push(timestamp);
    return true;
  }
}`;
    const report = await gradeSource(js);
    expect(report.problem).toBeNull();
    expect(report.passed).toBe(true);
  });

  it('fails the starter code, which never refuses', async () => {
    const report = await gradeSource(STARTER_CODE);
    expect(report.passed).toBe(false);
    expect(failedNames(report)).toContain('basic limit');
  });

  it.each([
    ['fixed window', ['exact boundary']],
    ['boundary off by one', ['exact boundary']],
    ['state shared across clients', ['independent clients']],
    ['records refused requests', ['refused requests not recorded']],
    ['uses Date.now', ['uses the given timestamps, not the clock']],
    ['never refuses', ['basic limit']],
  ])('fails "%s" on the rule it breaks and in the random comparison', async (name, expected) => {
    const report = await gradeSource(WRONG_SOLUTIONS[name] as string);
    expect(report.passed).toBe(false);
    const failed = failedNames(report);
    for (const test of expected) expect(failed).toContain(test);
    expect(failed.some((n) => RANDOM.test(n))).toBe(true);
    const failure = report.results.find((r) => !r.passed && r.mismatch !== null);
    expect(failure?.message).toMatch(/Call \d+ of \d+, allowRequest\(".+", \d+\)/);
  });

  it('reports a TypeScript syntax error with its line, without throwing', async () => {
    const report = await gradeSource(WRONG_SOLUTIONS['TypeScript syntax error'] as string);
    expect(report.passed).toBe(false);
    expect(report.problem).toMatchObject({ kind: 'syntax', line: 4 });
    expect(report.summary).toMatch(/line 4/);
  });

  it('names a missing or misspelt class', async () => {
    const report = await gradeSource(WRONG_SOLUTIONS['missing class'] as string);
    expect(report.problem?.kind).toBe('missing');
    expect(report.problem?.message).toMatch(/RateLimitter/);
  });

  it('reports an exception in the constructor with its message and line', async () => {
    const report = await gradeSource(WRONG_SOLUTIONS['throws in constructor'] as string);
    expect(report.passed).toBe(false);
    const first = report.results[0];
    expect(first?.message).toMatch(/Error: not written yet \(line 3\)/);
  });

  it('captures console.log output, capped at 200 lines', async () => {
    const noisy = MODEL_SOLUTION.replace(
      'allowRequest(clientId: string, timestamp: number): boolean {',
      'allowRequest(clientId: string, timestamp: number): boolean {\n    console.log("call", clientId, timestamp);',
    );
    const report = await gradeSource(noisy);
    expect(report.logs[0]).toBe('call alice 0');
    expect(report.logs).toHaveLength(201);
    expect(report.logs[200]).toMatch(/more console lines not shown/);
  });

  it('caps console output by characters too: 250 lines of 1 MB stay small and say so', async () => {
    const flood = MODEL_SOLUTION.replace(
      'allowRequest(clientId: string, timestamp: number): boolean {',
      'allowRequest(clientId: string, timestamp: number): boolean {\n    if (timestamp < 250) console.log("x".repeat(1_000_000));',
    );
    const report = await gradeSource(flood);
    expect(report.passed).toBe(true);
    const totalChars = report.logs.reduce((sum, line) => sum + line.length, 0);
    expect(totalChars).toBeLessThan(MAX_LOG_TOTAL_CHARS + 2000);
    expect(report.logs[0]).toMatch(/… \(1000000 characters, cut\)$/);
    expect(report.logs.at(-1)).toMatch(/more console lines not shown/);
  });
});

describe('randomized comparison', { timeout: 30_000 }, () => {
  it('shrinks the off-by-one to a minimal sequence', async () => {
    const report = await gradeSource(WRONG_SOLUTIONS['boundary off by one'] as string);
    const random = report.results.find((r) => RANDOM.test(r.name));
    expect(random?.mismatch?.limiterCase.calls.length).toBeLessThanOrEqual(2);
    expect(random?.message).toMatch(/Smallest failing sequence/);
  });

  it('shrinks "records refused requests" to a short sequence', async () => {
    const report = await gradeSource(WRONG_SOLUTIONS['records refused requests'] as string);
    const random = report.results.find((r) => RANDOM.test(r.name));
    expect(random?.mismatch?.limiterCase.calls.length).toBeLessThanOrEqual(3);
  });
});

describe('LearnerSession', () => {
  it('ignores replies that are malformed or for another request, and then times out', async () => {
    let deliver: (data: unknown) => void = () => {};
    let closed = false;
    const endpoint: LearnerEndpoint = {
      send: (message) => {
        // A forged learner side: answers every request with nonsense.
        deliver({ type: 'ran', id: message.id + 1, runs: [], logs: [], droppedLogs: 0 });
        deliver({
          type: 'ran',
          id: message.id,
          runs: [{ outputs: [{ passed: true }], stop: null }],
          logs: [],
          droppedLogs: 0,
        });
        deliver({ type: 'ran', id: message.id, runs: 'all passed', logs: [], droppedLogs: 0 });
      },
      onMessage: (handler) => {
        deliver = handler;
      },
      onGone: () => {},
      close: () => {
        closed = true;
      },
    };
    const session = new LearnerSession(endpoint, 50);
    await expect(session.run([{ construct: [1, 1], calls: [['a', 0]] }])).rejects.toMatchObject({
      kind: 'timeout',
    });
    expect(closed).toBe(true);
  });
});

describe('sample tests', () => {
  it.each(SAMPLE_TESTS.map((t) => [t.name, t] as const))('%s agrees with the reference', (_, t) => {
    expect(referenceDecisions(t)).toEqual(t.expected);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { MODEL_SOLUTION } from '../content/challenge/modelSolution';
import {
  CAPPED_AT_TEN,
  HOSTILE_SOURCES,
  INFINITE_LOOP,
  SIXTEEN_SLOT_RING,
} from './hostileSources.fixture';
import { gradeSource } from './index';
import { WRONG_SOLUTIONS } from './wrongSolutions.fixture';

/** What a hostile source could change in the caller if it ran in the caller's realm. */
function callerIntrinsics() {
  return {
    mapGet: Map.prototype.get,
    mapSet: Map.prototype.set,
    stringify: JSON.stringify,
    arrayMap: Array.prototype.map,
    arraySome: Array.prototype.some,
    arrayFill: Array.prototype.fill,
    reflectApply: Reflect.apply,
    freeze: Object.freeze,
    hasInstance: Object.getOwnPropertyDescriptor(Error, Symbol.hasInstance),
    exit: process.exit,
    arrayIndexZero: Object.getOwnPropertyDescriptor(Array.prototype, '0'),
  };
}

const before = callerIntrinsics();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('gradeSource isolates learner code from the caller', { timeout: 30_000 }, () => {
  it.each(Object.entries(HOSTILE_SOURCES))(
    '%s: resolves with a failed report and leaves the caller unchanged',
    async (_, source) => {
      const report = await gradeSource(source);
      expect(report.passed).toBe(false);
      expect(typeof report.summary).toBe('string');
      expect(callerIntrinsics()).toEqual(before);
      expect(JSON.stringify({ a: 1 })).toBe('{"a":1}');
      expect(new Map([[1, 2]]).get(1)).toBe(2);
      // A wrong solution graded next is still wrong, and a right one still right.
      expect((await gradeSource(WRONG_SOLUTIONS['never refuses'] as string)).passed).toBe(false);
      expect((await gradeSource(MODEL_SOLUTION)).passed).toBe(true);
    },
    30_000,
  );

  it('lets nothing learner code started after loading reach the caller', async () => {
    await gradeSource(
      HOSTILE_SOURCES['a rejected promise and a data: import after loading'] as string,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(unhandled).toEqual([]);
  });

  it('stops an infinite loop within its limit with a timeout report', async () => {
    const startedMs = performance.now();
    const report = await gradeSource(INFINITE_LOOP, { timeoutMs: 1000 });
    expect(performance.now() - startedMs).toBeLessThan(5000);
    expect(report.passed).toBe(false);
    expect(report.problem?.kind).toBe('timeout');
    expect(report.summary).toMatch(/Stopped after 1 s \(during "Sample 1/);
    expect((await gradeSource(MODEL_SOLUTION)).passed).toBe(true);
  }, 20_000);

  it('reads hostile thrown values without failing itself', async () => {
    const report = await gradeSource(
      HOSTILE_SOURCES['an Error whose message getter throws'] as string,
    );
    expect(report.passed).toBe(false);
    expect(report.results[0]?.message).toMatch(/Call 1 of 4, .*Expected true\./);
    const proxy = await gradeSource(
      HOSTILE_SOURCES['returns a Proxy that throws from every trap'] as string,
    );
    expect(proxy.results[0]?.message).toMatch(
      /allowRequest returned object; it must return true or false/,
    );
  });
});

describe('coverage of large limits', { timeout: 30_000 }, () => {
  it.each([
    ['a fixed 16-slot ring', SIXTEEN_SLOT_RING],
    ['Math.min(maxRequests, 10)', CAPPED_AT_TEN],
  ])(
    'fails %s on the large-limit cases and in the random comparison',
    async (_, source) => {
      const report = await gradeSource(source);
      expect(report.passed).toBe(false);
      const failed = report.results.filter((r) => !r.passed).map((r) => r.name);
      expect(failed).toContain('a limit in the hundreds (500)');
      expect(failed).toContain('a limit in the thousands (2,000)');
      expect(failed.some((n) => n.startsWith('randomized comparison'))).toBe(true);
      const random = report.results.find((r) => r.name.startsWith('randomized comparison'));
      expect(random?.message).toMatch(/Smallest failing sequence/);
    },
    30_000,
  );
});

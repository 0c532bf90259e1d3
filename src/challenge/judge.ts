import { SlidingWindowLimiter } from '../engine';
import { gradedCases } from './cases';
import { RANDOM_TRACE_COUNT, randomTraces } from './randomTraces';
import { referenceDecisions } from './reference';
import type {
  CaseRun,
  ChallengeReport,
  LimiterCase,
  Mismatch,
  Observations,
  TestResult,
} from './types';

const RANDOM_TEST_NAME = `randomized comparison (${RANDOM_TRACE_COUNT.toLocaleString('en')} traces)`;

/** The first call where `run` and the reference differ, or null when they agree on every call. */
export function firstMismatch(limiterCase: LimiterCase, run: CaseRun): Mismatch | null {
  const expected = referenceDecisions(limiterCase);
  for (let index = 0; index < expected.length; index++) {
    const actual = run.decisions[index];
    if (actual === expected[index]) continue;
    return {
      limiterCase,
      index,
      expected: expected[index] as boolean,
      actual: actual ?? null,
      error: actual === undefined ? run.error : null,
    };
  }
  return null;
}

/** Why the reference answers what it does at the mismatching call, in words. */
function whyExpected(mismatch: Mismatch): string {
  const { limiterCase, index } = mismatch;
  const call = limiterCase.calls[index];
  if (call === undefined) return '';
  const reference = new SlidingWindowLimiter(limiterCase.maxRequests, limiterCase.windowMs);
  for (const earlier of limiterCase.calls.slice(0, index)) {
    reference.allowRequest(earlier.clientId, earlier.timestampMs);
  }
  const marks = reference.marksAt(call.clientId, call.timestampMs);
  const counted =
    marks.length === 0
      ? `no allowed requests in the last ${limiterCase.windowMs} ms`
      : `${marks.length} allowed in the last ${limiterCase.windowMs} ms (at ${marks.join(', ')})`;
  return `${call.clientId} has ${counted}; the limit is ${limiterCase.maxRequests}.`;
}

/** One sentence naming the call, what came back and what was expected. */
export function describeMismatch(mismatch: Mismatch): string {
  const call = mismatch.limiterCase.calls[mismatch.index];
  const shown = call ? `allowRequest("${call.clientId}", ${call.timestampMs})` : 'a call';
  const where = `Call ${mismatch.index + 1} of ${mismatch.limiterCase.calls.length}, ${shown}`;
  if (mismatch.actual === null) {
    const problem = mismatch.error;
    const line = problem?.line === undefined ? '' : ` (line ${problem.line})`;
    return `${where}: ${problem ? problem.message : 'no answer'}${line}. Expected ${mismatch.expected}.`;
  }
  return `${where} returned ${mismatch.actual}, expected ${mismatch.expected}: ${whyExpected(mismatch)}`;
}

function resultFor(name: string, visible: boolean, mismatch: Mismatch | null): TestResult {
  return {
    name,
    visible,
    passed: mismatch === null,
    message: mismatch === null ? 'passed' : describeMismatch(mismatch),
    mismatch,
  };
}

function randomResult(observations: Extract<Observations, { ok: true }>): TestResult {
  const traces = randomTraces();
  let failures = 0;
  let firstFailure: Mismatch | null = null;
  traces.forEach((trace, i) => {
    const mismatch = firstMismatch(
      trace,
      observations.randomRuns[i] ?? { decisions: [], error: null },
    );
    if (mismatch === null) return;
    failures++;
    firstFailure ??= mismatch;
  });
  if (firstFailure === null) return resultFor(RANDOM_TEST_NAME, false, null);
  // The worker's shrunk sequence is used only if the host confirms it really fails.
  const claimed = observations.counterexample;
  const shrunk = claimed ? firstMismatch(claimed.limiterCase, claimed.run) : null;
  const shown = shrunk ?? firstFailure;
  const prefix = `${failures} of ${traces.length} random traces differ from the reference. ${
    shrunk ? 'Smallest failing sequence' : 'First failing sequence'
  } (${shown.limiterCase.calls.length} calls, maxRequests ${shown.limiterCase.maxRequests}, windowMs ${shown.limiterCase.windowMs}): `;
  return {
    ...resultFor(RANDOM_TEST_NAME, false, shown),
    message: prefix + describeMismatch(shown),
  };
}

/**
 * Turns raw observations into the report. Every expected answer is computed here by the reference,
 * so in the browser (where this runs in the judge worker, which never runs learner code) learner
 * code cannot forge it.
 */
export function judgeObservations(observations: Observations, durationMs: number): ChallengeReport {
  if (!observations.ok) {
    const { problem } = observations;
    const where =
      problem.line === undefined
        ? ''
        : ` (line ${problem.line}${problem.column === undefined ? '' : `, column ${problem.column}`})`;
    return {
      passed: false,
      summary: `Your code could not be graded: ${problem.message}${where}`,
      results: [],
      problem,
      logs: observations.logs,
      durationMs,
    };
  }
  const results = gradedCases().map((graded, i) =>
    resultFor(
      graded.name,
      graded.visible,
      firstMismatch(graded, observations.caseRuns[i] ?? { decisions: [], error: null }),
    ),
  );
  results.push(randomResult(observations));
  const failed = results.filter((r) => !r.passed).length;
  return {
    passed: failed === 0,
    summary:
      failed === 0
        ? `All ${results.length} tests passed.`
        : `${results.length - failed} of ${results.length} tests passed; ${failed} failed.`,
    results,
    problem: null,
    logs: observations.logs,
    durationMs,
  };
}

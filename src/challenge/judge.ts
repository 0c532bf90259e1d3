import fc from 'fast-check';
import type { LearnerEntry } from '../sandbox/learnerProtocol';
import { clockResult } from './clockTest';
import type { AnyChallengeDefinition, GradedCase } from './definitions/types';
import { firstFailure, resultFor, type Failure } from './failures';
import {
  compileLearnerSource,
  learnerModuleBody,
  missingProblem,
  problemFromThrown,
} from './learnerModule';
import type { LearnerSession } from './learnerSession';
import type { ChallengeReport, GradeScope, SourceProblem, TestResult } from './types';

/**
 * The judge: the only place a verdict, an expected answer or a shrink is computed. It runs in the
 * judge's realm (the judge worker in the page, the caller in Node) and asks the learner side,
 * through `session`, only for raw outputs on inputs it chose. Rejects with LearnerStopped when the
 * learner side runs out of time or dies.
 */

/** The name of the randomized test, with its trace count. */
export function randomTestName(definition: AnyChallengeDefinition): string {
  return `randomized comparison (${definition.random.count.toLocaleString('en')} traces)`;
}

/** Most time shrinking may take; past it, the smallest case found so far is shown. */
const SHRINK_LIMIT_MS = 3000;

/** Runs one case on the learner side and compares it with the reference. */
async function failureOf(
  definition: AnyChallengeDefinition,
  session: LearnerSession,
  challengeCase: unknown,
  counted = true,
): Promise<Failure | null> {
  const [run] = await session.run([definition.toTrace(challengeCase)], { counted });
  return firstFailure(definition, challengeCase, run);
}

/**
 * Compares the learner with the reference on the definition's seeded random cases; on a
 * difference, fast-check shrinks it here, asking the learner side for each candidate's outputs.
 */
async function randomResult(
  definition: AnyChallengeDefinition,
  session: LearnerSession,
  onStep: (step: string) => void,
): Promise<TestResult> {
  const { arbitrary, seed, count } = definition.random;
  const name = randomTestName(definition);
  const cases = fc.sample(arbitrary, { seed, numRuns: count });
  const runs = await session.run(cases.map((c) => definition.toTrace(c)));
  const failures = cases.map((c, i) => firstFailure(definition, c, runs[i]));
  const firstIndex = failures.findIndex((f) => f !== null);
  if (firstIndex === -1) return resultFor(definition, name, false, null);
  const failureCount = failures.filter((f) => f !== null).length;
  // Shrinking starts from the shortest failing case: fewer round trips to the learner side.
  const callCount = (i: number) => definition.toTrace(cases[i]).calls.length;
  const startIndex = failures.reduce(
    (best, f, i) => (f !== null && callCount(i) < callCount(best) ? i : best),
    firstIndex,
  );
  onStep('shrinking the counterexample');
  session.step = 'shrinking the counterexample';
  const details = await fc.check(
    fc.asyncProperty(
      arbitrary,
      async (c) => (await failureOf(definition, session, c, false)) === null,
    ),
    { seed, numRuns: count, path: String(startIndex), interruptAfterTimeLimit: SHRINK_LIMIT_MS },
  );
  session.assertRunning();
  const smallest = details.failed && details.counterexample ? details.counterexample[0] : null;
  const smallestFailure = smallest === null ? null : await failureOf(definition, session, smallest);
  const shown = smallestFailure ?? (failures[startIndex] as Failure);
  const prefix = `${failureCount} of ${count} random traces differ from the reference. ${
    smallestFailure ? 'Smallest failing sequence' : 'First failing sequence'
  } (${definition.toTrace(shown.challengeCase).calls.length} calls, ${definition.settingsText(shown.challengeCase)}): `;
  return resultFor(definition, name, false, shown, prefix);
}

/** A report for code that could not be graded at all. */
export function unusableReport(
  problem: SourceProblem,
  logs: readonly string[],
  durationMs: number,
  scope: GradeScope = 'all',
): ChallengeReport {
  const where =
    problem.line === undefined
      ? ''
      : ` (line ${problem.line}${problem.column === undefined ? '' : `, column ${problem.column}`})`;
  return {
    scope,
    passed: false,
    summary: `Your code could not be graded: ${problem.message}${where}`,
    results: [],
    problem,
    logs,
    durationMs,
  };
}

/** Loads the learner's entry on the learner side, or says why it cannot be used. */
export async function loadEntry(
  entry: LearnerEntry,
  source: string,
  session: LearnerSession,
): Promise<SourceProblem | null> {
  const compiled = compileLearnerSource(source);
  if (!compiled.ok) return compiled.problem;
  const loaded = await session.load(learnerModuleBody(compiled.code, entry.name), entry);
  if (loaded.type === 'load-failed') return problemFromThrown(loaded.thrown);
  if (loaded.type !== 'loaded')
    return { kind: 'runtime', message: 'The sandbox answered something unexpected.' };
  if (loaded.entryType === 'undefined') return missingProblem(source, entry.name);
  if (loaded.entryType !== 'function') {
    const what = entry.kind === 'class' ? 'a class' : 'a function';
    return {
      kind: 'missing',
      message: `"${entry.name}" is not ${what} (it is a ${loaded.entryType}).`,
    };
  }
  return null;
}

/** Runs one graded case: the clock test under two clocks, any other against the reference. */
async function gradedResult(
  definition: AnyChallengeDefinition,
  session: LearnerSession,
  graded: GradedCase<unknown>,
): Promise<TestResult> {
  if (graded.checksClock === true) return clockResult(definition, session, graded);
  const failure = await failureOf(definition, session, graded.challengeCase);
  return resultFor(definition, graded.name, graded.visible, failure);
}

/** The summary line: samples say that only the full run counts. */
function summaryOf(scope: GradeScope, results: readonly TestResult[]): string {
  const passed = results.filter((r) => r.passed).length;
  const total = results.length;
  if (scope === 'samples') {
    return `${passed} of ${total} sample${total === 1 ? '' : 's'} pass — run all tests to submit.`;
  }
  return passed === total
    ? `All ${total} tests passed.`
    : `${passed} of ${total} tests passed; ${total - passed} failed.`;
}

/**
 * Grades `source` against `definition`: every graded case, then the random comparison; with
 * scope 'samples', only the visible samples (a quick check that can never pass the challenge).
 * Rejects only with LearnerStopped (time out, or the learner side died).
 */
export async function judgeSource(
  definition: AnyChallengeDefinition,
  source: string,
  session: LearnerSession,
  onStep: (step: string) => void = () => {},
  scope: GradeScope = 'all',
): Promise<ChallengeReport> {
  const step = (name: string) => {
    session.step = name;
    onStep(name);
  };
  step('loading your code');
  const problem = await loadEntry(definition.entry, source, session);
  if (problem !== null) return unusableReport(problem, session.logs(), session.learnerMs, scope);
  const results: TestResult[] = [];
  for (const graded of definition.gradedCases()) {
    if (scope === 'samples' && !graded.visible) continue;
    step(graded.name);
    results.push(await gradedResult(definition, session, graded));
  }
  if (scope === 'all') {
    step('randomized comparison');
    results.push(await randomResult(definition, session, onStep));
  }
  return {
    scope,
    passed: results.length > 0 && results.every((r) => r.passed),
    summary: summaryOf(scope, results),
    results,
    problem: null,
    logs: session.logs(),
    durationMs: session.learnerMs,
  };
}

import fc from 'fast-check';
import type { LearnerEntry, RunStop, TraceRun } from '../sandbox/learnerProtocol';
import type { AnyChallengeDefinition, CallOutput } from './definitions/types';
import {
  compileLearnerSource,
  learnerModuleBody,
  missingProblem,
  problemFromThrown,
} from './learnerModule';
import type { LearnerSession } from './learnerSession';
import type { ChallengeReport, Mismatch, SourceProblem, TestResult } from './types';

/**
 * The judge: the only place a verdict, an expected answer or a shrink is computed. It runs in the
 * judge's realm (the judge worker in the page, the caller in Node) and asks the learner side,
 * through `session`, only for raw outputs on inputs it chose. Rejects with LearnerStopped when the
 * learner side runs out of time or dies.
 */

/** The first call where the learner's run and the reference differ. */
interface Failure {
  readonly challengeCase: unknown;
  readonly index: number;
  readonly expected: CallOutput;
  /** False when the run stopped before answering this call. */
  readonly answered: boolean;
  readonly actual: CallOutput;
  readonly problem: SourceProblem | null;
}

const showOutput = (value: CallOutput) =>
  typeof value === 'string' ? JSON.stringify(value) : String(value);

/** Why a run stopped before answering, as a problem in the learner's code. */
export function problemFromStop(entry: LearnerEntry, stop: RunStop | null): SourceProblem | null {
  if (stop === null) return null;
  const called = entry.kind === 'class' ? entry.method : entry.name;
  switch (stop.at) {
    case 'construct':
    case 'call':
      return problemFromThrown(stop.thrown);
    case 'no-method':
      return entry.kind === 'class'
        ? { kind: 'missing', message: `${entry.name} has no ${entry.method} method.` }
        : { kind: 'missing', message: `"${entry.name}" is not a function.` };
    case 'bad-output': {
      const shown =
        stop.value === undefined
          ? stop.type
          : typeof stop.value === 'string'
            ? JSON.stringify(stop.value)
            : String(stop.value);
      const wanted = entry.output === 'boolean' ? 'true or false' : 'a string, or null';
      return { kind: 'runtime', message: `${called} returned ${shown}; it must return ${wanted}.` };
    }
  }
}

/** The first call where `run` and the reference differ, or null when they agree on every call. */
export function firstFailure(
  definition: AnyChallengeDefinition,
  challengeCase: unknown,
  run: TraceRun | undefined,
): Failure | null {
  const expected = definition.expected(challengeCase);
  const outputs = run?.outputs ?? [];
  for (let index = 0; index < expected.length; index++) {
    const want = expected[index] as CallOutput;
    if (index >= outputs.length) {
      const problem = problemFromStop(definition.entry, run?.stop ?? null);
      return { challengeCase, index, expected: want, answered: false, actual: null, problem };
    }
    const actual = outputs[index] as CallOutput;
    if (actual !== want) {
      return { challengeCase, index, expected: want, answered: true, actual, problem: null };
    }
  }
  return null;
}

/** One sentence naming the call, what came back and what was expected. */
function describeFailure(definition: AnyChallengeDefinition, failure: Failure): string {
  const callCount = definition.toTrace(failure.challengeCase).calls.length;
  const where = `Call ${failure.index + 1} of ${callCount}, ${definition.callText(failure.challengeCase, failure.index)}`;
  const expected = showOutput(failure.expected);
  if (!failure.answered) {
    const { problem } = failure;
    const line = problem?.line === undefined ? '' : ` (line ${problem.line})`;
    return `${where}: ${problem ? problem.message : 'no answer'}${line}. Expected ${expected}.`;
  }
  return `${where} returned ${showOutput(failure.actual)}, expected ${expected}: ${definition.whyExpected(failure.challengeCase, failure.index)}`;
}

/** The limiter form of a failure, for "Replay on the graph" and the failure table. */
function mismatchOf(definition: AnyChallengeDefinition, failure: Failure): Mismatch | null {
  const limiterCase = definition.replayable?.(failure.challengeCase) ?? null;
  if (limiterCase === null || typeof failure.expected !== 'boolean') return null;
  return {
    limiterCase,
    index: failure.index,
    expected: failure.expected,
    actual: failure.answered && typeof failure.actual === 'boolean' ? failure.actual : null,
    error: failure.answered ? null : failure.problem,
  };
}

function resultFor(
  definition: AnyChallengeDefinition,
  name: string,
  visible: boolean,
  failure: Failure | null,
  prefix = '',
): TestResult {
  return {
    name,
    visible,
    passed: failure === null,
    message: failure === null ? 'passed' : prefix + describeFailure(definition, failure),
    mismatch: failure === null ? null : mismatchOf(definition, failure),
  };
}

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
): ChallengeReport {
  const where =
    problem.line === undefined
      ? ''
      : ` (line ${problem.line}${problem.column === undefined ? '' : `, column ${problem.column}`})`;
  return {
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

/**
 * Grades `source` against `definition`: every graded case, then the random comparison. Rejects
 * only with LearnerStopped (time out, or the learner side died).
 */
export async function judgeSource(
  definition: AnyChallengeDefinition,
  source: string,
  session: LearnerSession,
  onStep: (step: string) => void = () => {},
): Promise<ChallengeReport> {
  const step = (name: string) => {
    session.step = name;
    onStep(name);
  };
  step('loading your code');
  const problem = await loadEntry(definition.entry, source, session);
  if (problem !== null) return unusableReport(problem, session.logs(), session.learnerMs);
  const results: TestResult[] = [];
  for (const graded of definition.gradedCases()) {
    step(graded.name);
    const failure = await failureOf(definition, session, graded.challengeCase);
    results.push(resultFor(definition, graded.name, graded.visible, failure));
  }
  step('randomized comparison');
  results.push(await randomResult(definition, session, onStep));
  const failed = results.filter((r) => !r.passed).length;
  return {
    passed: failed === 0 && results.length > 0,
    summary:
      failed === 0
        ? `All ${results.length} tests passed.`
        : `${results.length - failed} of ${results.length} tests passed; ${failed} failed.`,
    results,
    problem: null,
    logs: session.logs(),
    durationMs: session.learnerMs,
  };
}

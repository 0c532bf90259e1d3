import type { LearnerEntry, RunStop, TraceRun } from '../sandbox/learnerProtocol';
import type { AnyChallengeDefinition, CallOutput } from './definitions/types';
import { problemFromThrown } from './learnerModule';
import type { CallTable, Mismatch, SourceProblem, TestResult } from './types';

/**
 * How the judge compares a learner run with the reference and puts a difference in words and in
 * a table. Runs in the judge's realm only; the page shows what comes out, computing nothing.
 */

/** The first call where the learner's run and the reference differ. */
export interface Failure {
  readonly challengeCase: unknown;
  readonly index: number;
  /** The reference's answer to every call of the case. */
  readonly expectedOutputs: readonly CallOutput[];
  /** False when the run stopped before answering this call. */
  readonly answered: boolean;
  readonly actual: CallOutput;
  readonly problem: SourceProblem | null;
  readonly run: TraceRun | undefined;
}

/** A value as code prints it: true, false, null, or a string in quotes. */
export const showOutput = (value: CallOutput) =>
  typeof value === 'string' ? JSON.stringify(value) : String(value);

const count = (n: number) => n.toLocaleString('en');

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

/**
 * The first call where `run` and the reference's `expectedOutputs` differ, or null when they agree
 * on every call.
 */
export function firstFailure(
  definition: AnyChallengeDefinition,
  challengeCase: unknown,
  run: TraceRun | undefined,
  expectedOutputs: readonly CallOutput[] = definition.expected(challengeCase),
): Failure | null {
  const outputs = run?.outputs ?? [];
  for (let index = 0; index < expectedOutputs.length; index++) {
    const want = expectedOutputs[index] as CallOutput;
    const base = { challengeCase, index, expectedOutputs, run };
    if (index >= outputs.length) {
      const problem = problemFromStop(definition.entry, run?.stop ?? null);
      return { ...base, answered: false, actual: null, problem };
    }
    const actual = outputs[index] as CallOutput;
    if (actual !== want) return { ...base, answered: true, actual, problem: null };
  }
  return null;
}

/** "Call 3 of 7, allowRequest("alice", 500)". */
export function callPlace(
  definition: AnyChallengeDefinition,
  challengeCase: unknown,
  index: number,
): string {
  const callCount = definition.toTrace(challengeCase).calls.length;
  return `Call ${index + 1} of ${callCount}, ${definition.callText(challengeCase, index)}`;
}

/** One sentence naming the call, what came back and what was expected. */
function describeFailure(definition: AnyChallengeDefinition, failure: Failure): string {
  const where = callPlace(definition, failure.challengeCase, failure.index);
  const expected = showOutput(failure.expectedOutputs[failure.index] as CallOutput);
  if (!failure.answered) {
    const { problem } = failure;
    const line = problem?.line === undefined ? '' : ` (line ${problem.line})`;
    return `${where}: ${problem ? problem.message : 'no answer'}${line}. Expected ${expected}.`;
  }
  return `${where} returned ${showOutput(failure.actual)}, expected ${expected}: ${definition.whyExpected(failure.challengeCase, failure.index)}`;
}

/** What a run answered to call `index`, as the table shows it. */
export function answerText(entry: LearnerEntry, run: TraceRun | undefined, index: number): string {
  const outputs = run?.outputs ?? [];
  if (index < outputs.length) return showOutput(outputs[index] as CallOutput);
  if (index > outputs.length) return 'not reached';
  const stop = run?.stop ?? null;
  if (stop === null) return 'no answer';
  if (stop.at === 'bad-output') return `returned ${stop.type}`;
  if (stop.at === 'no-method') return `no ${entry.kind === 'class' ? entry.method : entry.name}`;
  return stop.at === 'construct' ? 'constructor threw' : 'threw';
}

/** Most calls listed before the failing one; earlier ones are counted in the caption. */
const SHOWN_BEFORE = 12;
/** Settings longer than this (a large routing table) are cut in the caption. */
const MAX_CAPTION_SETTINGS = 160;

/** A learner column of a table: its heading and the run it shows. */
export interface AnswerColumn {
  readonly heading: string;
  readonly run: TraceRun | undefined;
}

/** The calls of a case up to `index` (the failing one), the reference's answers and each column's. */
export function callTable(
  definition: AnyChallengeDefinition,
  challengeCase: unknown,
  expectedOutputs: readonly CallOutput[],
  index: number,
  columns: readonly AnswerColumn[],
): CallTable {
  const first = Math.max(0, index - SHOWN_BEFORE);
  const settings = definition.settingsText(challengeCase);
  const shownSettings =
    settings.length > MAX_CAPTION_SETTINGS
      ? `${settings.slice(0, MAX_CAPTION_SETTINGS)} …`
      : settings;
  const rows = [];
  for (let i = first; i <= index; i++) {
    const answers = [
      showOutput(expectedOutputs[i] as CallOutput),
      ...columns.map((column) => answerText(definition.entry, column.run, i)),
    ];
    rows.push({
      number: i + 1,
      call: definition.callText(challengeCase, i),
      answers,
      differs: answers.map((answer, k) => k > 0 && answer !== answers[0]),
      failing: i === index,
    });
  }
  return {
    caption: `${shownSettings}${first > 0 ? ` — ${count(first)} earlier calls not shown` : ''}`,
    columns: ['Expected', ...columns.map((c) => c.heading)],
    rows,
  };
}

/** Milliseconds with thousands separators: `1,500 ms`. */
const ms = (value: number) => `${count(value)} ms`;

/** The limiter form of a failure, for "Replay on the graph": null for other challenges. */
function mismatchOf(definition: AnyChallengeDefinition, failure: Failure): Mismatch | null {
  const limiterCase = definition.replayable?.(failure.challengeCase) ?? null;
  const expected = failure.expectedOutputs[failure.index];
  const call = limiterCase?.calls[failure.index];
  if (limiterCase === null || typeof expected !== 'boolean' || call === undefined) return null;
  const actual = failure.answered && typeof failure.actual === 'boolean' ? failure.actual : null;
  const yours = actual === null ? 'yours threw' : `yours ${String(actual)}`;
  return {
    limiterCase,
    index: failure.index,
    expected,
    actual,
    error: failure.answered ? null : failure.problem,
    differingCall: `call ${failure.index + 1}: ${call.clientId} at t = ${ms(call.timestampMs)} — expected ${String(expected)}, ${yours}`,
  };
}

/** A test's result: passed, or the failure in words, as a table, and for the replay. */
export function resultFor(
  definition: AnyChallengeDefinition,
  name: string,
  visible: boolean,
  failure: Failure | null,
  prefix = '',
): TestResult {
  if (failure === null) {
    return { name, visible, passed: true, message: 'passed', table: null, mismatch: null };
  }
  const { challengeCase, expectedOutputs, index, run } = failure;
  return {
    name,
    visible,
    passed: false,
    message: prefix + describeFailure(definition, failure),
    table: callTable(definition, challengeCase, expectedOutputs, index, [
      { heading: 'Yours', run },
    ]),
    mismatch: mismatchOf(definition, failure),
  };
}

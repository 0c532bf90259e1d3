import type { LearnerTrace } from '../../sandbox/learnerProtocol';
import type { AnyChallengeDefinition, CallOutput } from '../definitions/types';
import { answerText, problemFromStop, showOutput } from '../failures';
import { loadEntry } from '../judge';
import type { LearnerSession } from '../learnerSession';
import type { OwnCaseResult, OwnCaseRow, OwnCasesReport } from './report';
import { MAX_OWN_CASES, type OwnCaseDraft } from './types';

/**
 * Runs the learner's own cases: the judge parses each one again (it trusts no input), asks the
 * learner side for its answers, and computes the reference's. Runs in the judge's realm.
 */

const count = (n: number) => n.toLocaleString('en');

/** A case that parsed, ready to run. */
interface ReadyCase {
  readonly number: number;
  readonly challengeCase: unknown;
  readonly expectedByLearner: readonly CallOutput[] | null;
  readonly reference: readonly CallOutput[];
}

function invalidResult(number: number, why: string): OwnCaseResult {
  return {
    number,
    invalid: why,
    settings: '',
    rows: [],
    agrees: false,
    summary: `Not run: ${why}`,
  };
}

/** "call 4", "calls 4 and 6", "calls 4, 6 and 9 more". */
function callsNamed(numbers: readonly number[]): string {
  const [first, second] = numbers;
  if (numbers.length === 1) return `call ${first}`;
  if (numbers.length === 2) return `calls ${first} and ${second}`;
  return `calls ${first}, ${second} and ${count(numbers.length - 2)} more`;
}

function summaryOf(
  definition: AnyChallengeDefinition,
  ready: ReadyCase,
  rows: readonly OwnCaseRow[],
  stopped: string | null,
): string {
  const differing = rows.flatMap((row, i) => (row.yoursDiffers ? [i + 1] : []));
  const yours =
    stopped !== null
      ? `Your code stopped: ${stopped}.`
      : differing.length === 0
        ? `Yours agrees with the reference on ${rows.length === 1 ? 'the call' : `all ${count(rows.length)} calls`}.`
        : `Yours differs from the reference on ${count(differing.length)} of ${count(rows.length)} calls: ${callsNamed(differing)}.`;
  if (ready.expectedByLearner === null) return yours;
  const wrong = rows.flatMap((row, i) => (row.expectationDiffers ? [i + 1] : []));
  const expectation =
    wrong.length === 0
      ? 'Your expected answers agree with the reference.'
      : `Your expected answers differ from the reference on ${callsNamed(wrong)}: check them against the rules of ${definition.content.title}.`;
  return `${yours} ${expectation}`;
}

function resultOf(
  definition: AnyChallengeDefinition,
  ready: ReadyCase,
  run: Parameters<typeof answerText>[1],
): OwnCaseResult {
  const { challengeCase, reference, expectedByLearner } = ready;
  const problem = problemFromStop(definition.entry, run?.stop ?? null);
  const stopped =
    problem === null
      ? null
      : `${problem.message}${problem.line === undefined ? '' : ` (line ${problem.line})`}`;
  const rows = reference.map((want, i): OwnCaseRow => {
    const yours = answerText(definition.entry, run, i);
    const referenceText = showOutput(want);
    const mine = expectedByLearner?.[i];
    const yourExpectation = mine === undefined ? null : showOutput(mine);
    return {
      call: definition.callText(challengeCase, i),
      yours,
      yourExpectation,
      reference: referenceText,
      yoursDiffers: yours !== referenceText,
      expectationDiffers: yourExpectation !== null && yourExpectation !== referenceText,
    };
  });
  return {
    number: ready.number,
    invalid: null,
    settings: definition.settingsText(challengeCase),
    rows,
    agrees: rows.every((row) => !row.yoursDiffers),
    summary: summaryOf(definition, ready, rows, stopped),
  };
}

/** Judges `drafts` (at most MAX_OWN_CASES) against the learner's `source`. */
export async function judgeOwnCases(
  definition: AnyChallengeDefinition,
  source: string,
  drafts: readonly OwnCaseDraft[],
  session: LearnerSession,
): Promise<OwnCasesReport> {
  session.step = 'loading your code';
  const problem = await loadEntry(definition.entry, source, session);
  if (problem !== null) {
    return { results: [], problem, logs: session.logs(), durationMs: session.learnerMs };
  }
  const results: (OwnCaseResult | ReadyCase)[] = drafts.slice(0, MAX_OWN_CASES).map((draft, i) => {
    const number = i + 1;
    const parsed = definition.ownCase.parse(draft);
    if (!parsed.ok) return invalidResult(number, Object.values(parsed.problems).join(' '));
    let reference: CallOutput[];
    try {
      reference = definition.expected(parsed.challengeCase);
    } catch (error) {
      return invalidResult(number, `the reference cannot run it (${String(error)}).`);
    }
    return {
      number,
      challengeCase: parsed.challengeCase,
      expectedByLearner: parsed.expected,
      reference,
    };
  });
  const ready = results.filter((r): r is ReadyCase => 'reference' in r);
  session.step = 'your own cases';
  const traces: LearnerTrace[] = ready.map((r) => definition.toTrace(r.challengeCase));
  const runs = traces.length === 0 ? [] : await session.run(traces);
  return {
    results: results.map((r) =>
      'reference' in r ? resultOf(definition, r, runs[ready.indexOf(r)]) : r,
    ),
    problem: null,
    logs: session.logs(),
    durationMs: session.learnerMs,
  };
}

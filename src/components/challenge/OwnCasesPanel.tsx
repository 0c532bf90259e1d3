import { useMemo } from 'react';
import {
  MAX_OWN_CASES,
  OWN_CASE_FORMS,
  newOwnCase,
  type OwnCaseDraft,
} from '../../challenge/ownCases';
import { useAppStore } from '../../store';
import { progressOf, type OwnCaseRun } from '../../store/challengeSlice';
import { ConsoleOutput } from './ResultsPanel';
import { OwnCaseEditor } from './OwnCaseEditor';
import { OwnCaseResultView } from './OwnCaseResultView';
import { runOwnCaseDrafts } from './challengeActions';

const NO_CASES: readonly OwnCaseDraft[] = [];

const sameDraft = (a: OwnCaseDraft | undefined, b: OwnCaseDraft | undefined) =>
  a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** The run's result for case `index`, if the case is as it was run. */
function resultFor(run: OwnCaseRun, index: number, draft: OwnCaseDraft) {
  if (run.status !== 'done') return { result: null, edited: false };
  const result = run.report.results[index] ?? null;
  if (result === null) return { result: null, edited: false };
  return sameDraft(run.cases[index], draft)
    ? { result, edited: false }
    : { result: null, edited: true };
}

/**
 * The learner's own test cases for the challenge on screen: add, edit, remove, run. They are saved
 * as typed; a case that does not parse says why beside the field and is not run. The reference's
 * answers come from the judge worker.
 */
export function OwnCasesPanel({ getSource }: { getSource: () => string }) {
  const activeId = useAppStore((s) => s.activeChallengeId);
  const cases = useAppStore((s) => progressOf(s, s.activeChallengeId).ownCases ?? NO_CASES);
  const run = useAppStore((s) => s.ownCaseRun);
  const form = OWN_CASE_FORMS[activeId];
  const parsed = useMemo(() => cases.map((draft) => form.parse(draft)), [cases, form]);
  const invalidCount = parsed.filter((p) => !p.ok).length;
  const running = run.status === 'running';
  const setCases = (next: readonly OwnCaseDraft[]) =>
    useAppStore.getState().setOwnCases(activeId, next);

  return (
    <section className="own-cases" aria-labelledby="own-cases-title">
      <h3 id="own-cases-title">Your own test cases</h3>
      <p className="hint">
        Try your code on cases you write. Each call shows your answer, the answer you expect (if you
        give one) and the reference&rsquo;s. Up to {MAX_OWN_CASES} cases; they are saved in this
        browser. They do not count towards passing.
      </p>
      {cases.map((draft, index) => {
        const check = parsed[index];
        const { result, edited } = resultFor(run, index, draft);
        return (
          <OwnCaseEditor
            key={index}
            number={index + 1}
            form={form}
            draft={draft}
            problems={check !== undefined && !check.ok ? check.problems : {}}
            onChange={(next) => setCases(cases.map((c, i) => (i === index ? next : c)))}
            onRemove={() => setCases(cases.filter((_, i) => i !== index))}
          >
            {result !== null ? <OwnCaseResultView result={result} /> : null}
            {edited ? (
              <p className="hint">Edited since the last run: run again for its results.</p>
            ) : null}
          </OwnCaseEditor>
        );
      })}
      <div className="challenge-toolbar">
        <button
          type="button"
          disabled={cases.length >= MAX_OWN_CASES}
          onClick={() => setCases([...cases, newOwnCase(activeId)])}
        >
          Add a case
        </button>
        <button
          type="button"
          disabled={running || cases.length === 0}
          onClick={() => void runOwnCaseDrafts(getSource())}
        >
          {running ? 'Running your cases…' : 'Run my cases'}
        </button>
      </div>
      <p role="status" className="own-cases__status">
        {cases.length >= MAX_OWN_CASES ? `That is the most: ${MAX_OWN_CASES} cases. ` : ''}
        {invalidCount > 0
          ? `${invalidCount} case${invalidCount === 1 ? ' has' : 's have'} a problem marked beside the field; ${invalidCount === 1 ? 'it is' : 'they are'} not run until fixed.`
          : ''}
      </p>
      {run.status === 'failed' ? (
        <p className="challenge-problem" role="alert">
          ✗ {run.error.kind === 'timeout' ? 'Stopped' : 'Error'}:{' '}
          {run.error.line !== undefined ? `line ${run.error.line}: ` : ''}
          {run.error.message}
        </p>
      ) : null}
      {run.status === 'done' && run.report.problem !== null ? (
        <p className="challenge-problem" role="alert">
          Your code could not run: {run.report.problem.message}
          {run.report.problem.line !== undefined ? ` (line ${run.report.problem.line})` : ''}
        </p>
      ) : null}
      {run.status === 'done' ? <ConsoleOutput logs={run.report.logs} /> : null}
    </section>
  );
}

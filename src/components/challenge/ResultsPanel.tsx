import { useState } from 'react';
import type { ChallengeReport, TestResult } from '../../challenge/types';
import { FailureDetail } from './FailureDetail';
import { replayOnGraph } from './challengeActions';

interface ResultsPanelProps {
  readonly report: ChallengeReport;
  /** The source that was graded, for "Replay on the graph". */
  readonly source: string;
}

function ResultItem({ result, source }: { result: TestResult; source: string }) {
  const [replayNote, setReplayNote] = useState<string | null>(null);
  const [replaying, setReplaying] = useState(false);
  const mismatch = result.mismatch;
  return (
    <li className={result.passed ? 'result is-pass' : 'result is-fail'} data-passed={result.passed}>
      <span className="result__mark" aria-hidden="true">
        {result.passed ? '✓' : '✗'}
      </span>
      <span className="result__status">{result.passed ? 'Passed' : 'Failed'}</span>{' '}
      <span className="result__name">{result.name}</span>
      {result.visible ? <span className="result__tag"> (sample)</span> : null}
      {!result.passed ? <p className="result__message">{result.message}</p> : null}
      {result.table !== null ? <FailureDetail table={result.table} /> : null}
      {mismatch !== null ? (
        <>
          <button
            type="button"
            disabled={replaying}
            onClick={() => {
              setReplaying(true);
              void replayOnGraph(source, mismatch).then((note) => {
                setReplayNote(note);
                setReplaying(false);
              });
            }}
          >
            {replaying ? 'Replaying…' : 'Replay on the graph'}
          </button>
          {replayNote !== null ? (
            <p role="status" className="replay-note">
              {replayNote}
            </p>
          ) : null}
        </>
      ) : null}
    </li>
  );
}

/** The grader's notes that it cut a long line or dropped lines (see challenge/learnerSession.ts). */
const isCutNote = (line: string) =>
  / characters, cut\)$/.test(line) || /^… \d+ more console lines not shown/.test(line);

/** The learner's console lines from a run, open when there are any. */
export function ConsoleOutput({ logs }: { logs: readonly string[] }) {
  if (logs.length === 0) return null;
  return (
    // Open when the run printed something: a closed panel went unnoticed by a new user.
    <details className="challenge-logs" open>
      <summary>
        Console output ({logs.length} lines
        {logs.some(isCutNote) ? ', truncated: output is capped' : ''})
      </summary>
      <pre>{logs.join('\n')}</pre>
    </details>
  );
}

/** How a run's summary starts: a sample run never says "Passed", only the full run can. */
function verdictOf(report: ChallengeReport): string {
  if (report.scope === 'samples') return report.passed ? '✓ Samples pass.' : '✗ Not yet.';
  return report.passed ? '✓ Passed.' : '✗ Not yet.';
}

/** Per-test results with the failing case shown (hidden tests included), and console output. */
export function ResultsPanel({ report, source }: ResultsPanelProps) {
  return (
    <div className="challenge-results">
      <p
        className={report.passed ? 'summary is-pass' : 'summary is-fail'}
        data-testid="challenge-summary"
      >
        <strong>{verdictOf(report)}</strong> {report.summary}{' '}
        <span className="summary__time">(ran in {Math.round(report.durationMs)} ms)</span>
      </p>
      {report.problem !== null ? (
        <p className="challenge-problem" role="alert">
          {report.problem.line !== undefined
            ? `Line ${report.problem.line}${report.problem.column !== undefined ? `, column ${report.problem.column}` : ''}: `
            : ''}
          {report.problem.message}
        </p>
      ) : null}
      {report.results.length > 0 ? (
        <ul
          className="challenge-results__list"
          aria-label={report.scope === 'samples' ? 'Sample results' : 'Test results'}
        >
          {report.results.map((result) => (
            <ResultItem key={result.name} result={result} source={source} />
          ))}
        </ul>
      ) : null}
      <ConsoleOutput logs={report.logs} />
    </div>
  );
}

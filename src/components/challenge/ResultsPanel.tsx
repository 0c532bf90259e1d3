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
      {mismatch !== null ? (
        <>
          <FailureDetail mismatch={mismatch} />
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
          {replayNote !== null ? <p role="status">{replayNote}</p> : null}
        </>
      ) : null}
    </li>
  );
}

/** Per-test results with the failing case shown (hidden tests included), and console output. */
/** The grader's notes that it cut a long line or dropped lines (see challenge/learnerSession.ts). */
const isCutNote = (line: string) =>
  / characters, cut\)$/.test(line) || /^… \d+ more console lines not shown/.test(line);

export function ResultsPanel({ report, source }: ResultsPanelProps) {
  return (
    <div className="challenge-results">
      <p
        className={report.passed ? 'summary is-pass' : 'summary is-fail'}
        data-testid="challenge-summary"
      >
        <strong>{report.passed ? '✓ Passed.' : '✗ Not yet.'}</strong> {report.summary}{' '}
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
        <ul className="challenge-results__list" aria-label="Test results">
          {report.results.map((result) => (
            <ResultItem key={result.name} result={result} source={source} />
          ))}
        </ul>
      ) : null}
      {report.logs.length > 0 ? (
        // Open when the run printed something: a closed panel went unnoticed by a new user.
        <details className="challenge-logs" open>
          <summary>
            Console output ({report.logs.length} lines
            {report.logs.some(isCutNote) ? ', truncated: output is capped' : ''})
          </summary>
          <pre>{report.logs.join('\n')}</pre>
        </details>
      ) : null}
    </div>
  );
}

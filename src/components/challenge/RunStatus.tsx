import { useAppStore } from '../../store';
import { ResultsPanel } from './ResultsPanel';

/** What the last run did: running (with its step), a sandbox error, or the report. */
export function RunStatus({ source }: { source: string }) {
  const run = useAppStore((s) => s.challengeRun);
  return (
    <div className="challenge-status">
      <p role="status" className="challenge-status__live">
        {run.status === 'running' ? `Running your code${run.step ? `: ${run.step}` : '…'}` : ''}
        {run.status === 'graded'
          ? run.report.scope === 'samples'
            ? run.report.passed
              ? 'All samples pass.'
              : 'Some samples failed.'
            : run.report.passed
              ? 'All tests passed.'
              : 'Some tests failed.'
          : ''}
      </p>
      {run.status === 'failed' ? (
        <p className="challenge-problem" role="alert" data-testid="challenge-error">
          <strong>✗ {run.error.kind === 'timeout' ? 'Stopped' : 'Error'}:</strong>{' '}
          {run.error.line !== undefined ? `line ${run.error.line}: ` : ''}
          {run.error.message}
        </p>
      ) : null}
      {run.status === 'graded' ? <ResultsPanel report={run.report} source={source} /> : null}
    </div>
  );
}

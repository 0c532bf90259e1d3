import { useAppStore } from '../../store';
import type { RestoreProblem } from '../../store/progressSlice';
import { ProgressFileActions } from './ProgressFileActions';

const REASONS: Record<RestoreProblem, string> = {
  corrupt: 'the saved data was damaged',
  'unknown-version': 'it was saved by a version of this page we cannot read',
  'newer-version': 'it was saved by a newer version of this page',
  'wrong-shape': 'the saved data did not look like progress from this page',
};

/** Says, once, that saved progress could not be used and the page started fresh. */
export function RestoreNotice() {
  const problem = useAppStore((s) => s.restoreProblem);
  const dismiss = useAppStore((s) => s.dismissRestoreNotice);
  if (problem === null) return null;
  return (
    <div className="restore-notice" role="alert">
      <p>
        Your saved progress could not be restored because {REASONS[problem]}, so the lesson starts
        fresh. Everything else works as usual.
      </p>
      {problem === 'newer-version' && (
        <>
          <p>
            That progress is kept as it is, for the newer version: nothing you do here is saved over
            it. To keep what you do on this visit, download it as a file.
          </p>
          <ProgressFileActions />
        </>
      )}
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

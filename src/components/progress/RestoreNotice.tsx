import { useAppStore } from '../../store';
import type { RestoreProblem } from '../../store/progressSlice';

const REASONS: Record<RestoreProblem, string> = {
  corrupt: 'the saved data was damaged',
  'unknown-version': 'it was saved by a version of this page we cannot read',
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
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

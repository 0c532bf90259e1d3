import { useAppStore } from '../../store';
import type { SaveProblem } from '../../store/progressSlice';
import { ProgressFileActions } from './ProgressFileActions';

const REASONS: Record<SaveProblem, string> = {
  full: 'the browser’s storage for this site is full',
  unavailable:
    'this browser does not let the page store anything (private mode or blocked site data)',
};

/** Says, once, that progress is not being saved, and offers to keep it as a file instead. */
export function SaveNotice() {
  const problem = useAppStore((s) => s.saveProblem);
  const dismiss = useAppStore((s) => s.dismissSaveNotice);
  if (problem === null) return null;
  return (
    <div className="restore-notice" role="alert">
      <p>
        Your progress cannot be saved because {REASONS[problem]}: it will be gone when you reload or
        close the page. Download it as a file to keep it, and load it back on your next visit.
      </p>
      <ProgressFileActions />
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}

import { useEffect, useId } from 'react';
import { EXACT_LOOKUP } from '../../content/experiments';
import { useAppStore } from '../../store';
import { applyLearnerLookup, restoreBuiltInLookup } from './routeLookupPreparer';

/** Experiment 4's code cell: the learner's `findRoute`, run in the sandbox worker for the playground. */
export function RouteLookupCell() {
  const source = useAppStore((s) => s.lookupDraft) ?? EXACT_LOOKUP;
  const status = useAppStore((s) => s.routeLookup);
  const setLookupDraft = useAppStore((s) => s.setLookupDraft);
  const editorId = useId();
  const messageId = useId();

  // Leaving the page section (unmount) hands routing back to the gateway.
  useEffect(() => () => restoreBuiltInLookup(useAppStore), []);

  return (
    <div className="code-cell">
      <label htmlFor={editorId}>Route lookup (JavaScript)</label>
      <textarea
        id={editorId}
        className="code-cell__editor"
        value={source}
        onChange={(event) => setLookupDraft(event.target.value)}
        rows={9}
        spellCheck={false}
        aria-describedby={messageId}
        aria-invalid={status.mode === 'failed'}
      />
      <div className="experiment__actions">
        <button
          type="button"
          onClick={() => void applyLearnerLookup(useAppStore, source)}
          disabled={status.mode === 'checking'}
        >
          Apply my lookup
        </button>
        <button
          type="button"
          onClick={() => restoreBuiltInLookup(useAppStore)}
          disabled={status.mode === 'built-in'}
        >
          Use the built-in lookup
        </button>
      </div>
      <p id={messageId} className="code-cell__message" aria-live="polite">
        {status.mode === 'built-in' && 'The playground routes with its built-in (exact) lookup.'}
        {status.mode === 'checking' && 'Running your code in the sandbox…'}
        {status.mode === 'learner' &&
          'The playground now routes with your findRoute. Send requests to see it work.'}
        {status.mode === 'failed' &&
          `${status.message} — the playground is back on its built-in lookup.`}
      </p>
    </div>
  );
}

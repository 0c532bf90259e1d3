import { useEffect, useId, useState } from 'react';
import { EXACT_LOOKUP } from '../../content/experiments';
import type { SandboxError } from '../../sandbox';
import { installLearnerLookup, tryLookup, restoreBuiltInLookup } from './routeLookupPreparer';

type CellState =
  | { readonly mode: 'built-in' }
  | { readonly mode: 'checking' }
  | { readonly mode: 'learner' }
  | { readonly mode: 'failed'; readonly error: SandboxError };

function describeError(error: SandboxError): string {
  const where =
    error.line === undefined
      ? ''
      : ` (line ${error.line}${error.column === undefined ? '' : `, column ${error.column}`})`;
  return `${error.kind === 'timeout' ? 'Too slow' : `${error.kind} error`}${where}: ${error.message}`;
}

/** Experiment 4's code cell: the learner's `findRoute`, run in the sandbox worker for the playground. */
export function RouteLookupCell() {
  const [source, setSource] = useState(EXACT_LOOKUP);
  const [state, setState] = useState<CellState>({ mode: 'built-in' });
  const editorId = useId();
  const messageId = useId();

  // Leaving the page section (unmount) hands routing back to the gateway.
  useEffect(() => () => restoreBuiltInLookup(), []);

  const onFailure = (error: SandboxError) => setState({ mode: 'failed', error });

  const apply = async () => {
    setState({ mode: 'checking' });
    const error = await tryLookup(source);
    if (error !== null) {
      restoreBuiltInLookup();
      onFailure(error);
      return;
    }
    installLearnerLookup(source, onFailure);
    setState({ mode: 'learner' });
  };

  const builtIn = () => {
    restoreBuiltInLookup();
    setState({ mode: 'built-in' });
  };

  return (
    <div className="code-cell">
      <label htmlFor={editorId}>Route lookup (JavaScript)</label>
      <textarea
        id={editorId}
        className="code-cell__editor"
        value={source}
        onChange={(event) => setSource(event.target.value)}
        rows={9}
        spellCheck={false}
        aria-describedby={messageId}
        aria-invalid={state.mode === 'failed'}
      />
      <div className="experiment__actions">
        <button type="button" onClick={() => void apply()} disabled={state.mode === 'checking'}>
          Apply my lookup
        </button>
        <button type="button" onClick={builtIn} disabled={state.mode === 'built-in'}>
          Use the built-in lookup
        </button>
      </div>
      <p id={messageId} className="code-cell__message" aria-live="polite">
        {state.mode === 'built-in' && 'The playground routes with its built-in (exact) lookup.'}
        {state.mode === 'checking' && 'Running your code in the sandbox…'}
        {state.mode === 'learner' &&
          'The playground now routes with your findRoute. Send requests to see it work.'}
        {state.mode === 'failed' &&
          `${describeError(state.error)} — the playground is back on its built-in lookup.`}
      </p>
    </div>
  );
}

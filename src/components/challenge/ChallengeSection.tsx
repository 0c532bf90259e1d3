import { lazy, useCallback, useEffect, useRef, useState } from 'react';
import { STARTER_CODE } from '../../content/challenge/starter';
import { useAppStore } from '../../store';
import { WhenNear } from '../lazy/WhenNear';
import { ChallengeStatement } from './ChallengeStatement';
import { ConfirmDialog } from './ConfirmDialog';
import { LearnerLimiterControls } from './LearnerLimiterControls';
import { ModelSolution } from './ModelSolution';
import { RunStatus } from './RunStatus';
import { gradeDraft } from './challengeActions';
import './challenge.css';

// CodeMirror is a chunk of its own, fetched when the editor nears the viewport or gets focus.
const CodeEditor = lazy(() => import('./CodeEditor').then((m) => ({ default: m.CodeEditor })));

const SAVE_DELAY_MS = 400;

/** The coding challenge: statement, editor, Run, results, the learner's limiter in the playground. */
export function ChallengeSection() {
  // Restored code is shown, never run: it runs only when the learner presses Run.
  const [initialDoc, setInitialDoc] = useState(
    () => useAppStore.getState().challengeDraft ?? STARTER_CODE,
  );
  const [editorKey, setEditorKey] = useState(0);
  const [graded, setGraded] = useState(initialDoc);
  const [confirmReset, setConfirmReset] = useState(false);
  const running = useAppStore((s) => s.challengeRun.status === 'running');
  const passedBefore = useAppStore((s) => s.challengePassed);
  const latest = useRef(initialDoc);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useCallback((doc: string) => {
    latest.current = doc;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(
      () => useAppStore.getState().setChallengeDraft(doc),
      SAVE_DELAY_MS,
    );
  }, []);
  useEffect(() => () => clearTimeout(saveTimer.current), []);

  const run = useCallback((doc: string) => {
    clearTimeout(saveTimer.current);
    latest.current = doc;
    setGraded(doc);
    void gradeDraft(doc);
  }, []);

  const reset = () => {
    setConfirmReset(false);
    latest.current = STARTER_CODE;
    useAppStore.getState().setChallengeDraft(STARTER_CODE);
    setInitialDoc(STARTER_CODE);
    setEditorKey((k) => k + 1);
  };

  return (
    <section className="challenge" aria-labelledby="challenge-title">
      <h2 id="challenge-title" className="lesson-section__title">
        Coding challenge
      </h2>
      {passedBefore ? <p className="hint">✓ You have passed this challenge before.</p> : null}
      <ChallengeStatement />
      <p id="challenge-editor-help" className="hint">
        Press Ctrl+Enter (⌘+Enter on a Mac) in the editor to run. Tab moves focus out of the editor;
        your code is saved in this browser as you type.
      </p>
      <WhenNear
        placeholder={
          // The code as plain text, the editor's size: nothing moves when the editor arrives, and
          // Tab reaches it (focus loads the editor and moves into it).
          <pre
            className="challenge-editor challenge-editor--placeholder"
            tabIndex={0}
            aria-label="Your RateLimiter code (the editor is loading)"
          >
            {initialDoc}
          </pre>
        }
      >
        {(focused) => (
          <CodeEditor
            key={editorKey}
            initialDoc={initialDoc}
            label="Your RateLimiter code"
            describedBy="challenge-editor-help"
            onChange={save}
            onRun={run}
            autoFocus={focused}
          />
        )}
      </WhenNear>
      <div className="challenge-toolbar">
        <button
          type="button"
          className="primary"
          disabled={running}
          onClick={() => run(latest.current)}
        >
          {running ? 'Running…' : 'Run tests'}
        </button>
        <button type="button" onClick={() => setConfirmReset(true)}>
          Reset to starter
        </button>
      </div>
      <ConfirmDialog
        open={confirmReset}
        title="Reset to the starter code?"
        message="Your code in the editor will be replaced by the starter code. This cannot be undone."
        confirmLabel="Reset"
        onConfirm={reset}
        onCancel={() => setConfirmReset(false)}
      />
      <RunStatus source={graded} />
      <LearnerLimiterControls getSource={() => latest.current} />
      <ModelSolution />
    </section>
  );
}

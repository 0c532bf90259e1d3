import { useCallback, useEffect, useRef, useState } from 'react';
import { challengeContent, type ChallengeId } from '../../content/challenges';
import { useAppStore } from '../../store';
import { progressOf } from '../../store/challengeSlice';
import { lazyWithRetry } from '../lazy/lazyWithRetry';
import { WhenNear } from '../lazy/WhenNear';
import { ChallengePicker } from './ChallengePicker';
import { ChallengeStatement } from './ChallengeStatement';
import { ConfirmDialog } from './ConfirmDialog';
import { LearnerLimiterControls } from './LearnerLimiterControls';
import { ModelSolution } from './ModelSolution';
import { OwnCasesPanel } from './OwnCasesPanel';
import { RunStatus } from './RunStatus';
import { gradeDraft } from './challengeActions';
import type { GradeScope } from '../../challenge/types';
import './challenge.css';

// CodeMirror is a chunk of its own, fetched when the editor nears the viewport or gets focus.
const CodeEditor = lazyWithRetry(() =>
  import('./CodeEditor').then((m) => ({ default: m.CodeEditor })),
);

const SAVE_DELAY_MS = 400;

/** The code to show for challenge `id`: the learner's saved draft, or the starter. */
function savedOrStarter(id: ChallengeId): string {
  const state = useAppStore.getState();
  return progressOf(state, id).draft ?? challengeContent(id).starterCode;
}

/** The coding challenge: statement, editor, Run, results, the learner's limiter in the playground. */
export function ChallengeSection() {
  // Restored code is shown, never run: it runs only when the learner presses Run.
  const activeId = useAppStore((s) => s.activeChallengeId);
  const content = challengeContent(activeId);
  const [shownId, setShownId] = useState(activeId);
  const [initialDoc, setInitialDoc] = useState(() => savedOrStarter(activeId));
  const [editorKey, setEditorKey] = useState(0);
  const [graded, setGraded] = useState(initialDoc);
  const [confirmReset, setConfirmReset] = useState(false);
  const running = useAppStore((s) => s.challengeRun.status === 'running');
  const passedBefore = useAppStore((s) => progressOf(s, s.activeChallengeId).passed);
  const latest = useRef(initialDoc);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Another challenge was picked: show its saved code in a fresh editor (state adjusted while
  // rendering, as React advises for state that follows a prop).
  if (shownId !== activeId) {
    const doc = savedOrStarter(activeId);
    setShownId(activeId);
    setInitialDoc(doc);
    setGraded(doc);
    setEditorKey((k) => k + 1);
  }
  useEffect(() => {
    latest.current = initialDoc;
  }, [initialDoc]);

  const save = useCallback(
    (doc: string) => {
      latest.current = doc;
      clearTimeout(saveTimer.current);
      // Saved under the challenge it was typed in, even if another is picked meanwhile.
      saveTimer.current = setTimeout(
        () => useAppStore.getState().setChallengeDraft(activeId, doc),
        SAVE_DELAY_MS,
      );
    },
    [activeId],
  );
  useEffect(() => () => clearTimeout(saveTimer.current), []);
  // A draft put in from elsewhere (a shared link's code) is shown: never run until Run.
  useEffect(
    () =>
      useAppStore.subscribe((state, previous) => {
        const draft = progressOf(state, state.activeChallengeId).draft;
        const before = progressOf(previous, state.activeChallengeId).draft;
        if (draft === before || draft === null || draft === latest.current) return;
        latest.current = draft;
        setInitialDoc(draft);
        setEditorKey((k) => k + 1);
      }),
    [],
  );

  const run = useCallback((doc: string, scope: GradeScope = 'all') => {
    clearTimeout(saveTimer.current);
    latest.current = doc;
    setGraded(doc);
    void gradeDraft(doc, scope);
  }, []);

  const reset = () => {
    setConfirmReset(false);
    // A save still waiting would put the old code back over the starter.
    clearTimeout(saveTimer.current);
    latest.current = content.starterCode;
    useAppStore.getState().setChallengeDraft(activeId, content.starterCode);
    setInitialDoc(content.starterCode);
    setEditorKey((k) => k + 1);
  };

  return (
    <section className="challenge" aria-labelledby="challenge-title">
      <h2 id="challenge-title" className="lesson-section__title">
        Coding challenge
      </h2>
      <ChallengePicker />
      {passedBefore ? <p className="hint">✓ You have passed this challenge before.</p> : null}
      <ChallengeStatement />
      <p id="challenge-editor-help" className="hint">
        Press Ctrl+Enter (⌘+Enter on a Mac) in the editor to run. Tab moves focus out of the editor;
        your code is saved in this browser as you type.
      </p>
      <p id="challenge-samples-help" className="hint">
        &ldquo;Run samples&rdquo; checks the visible samples only, for quick feedback; only
        &ldquo;Run tests&rdquo; (every test, hidden and random ones too) can pass the challenge.
      </p>
      <WhenNear
        load={CodeEditor.preload}
        placeholder={
          // The code as plain text, the editor's size: nothing moves when the editor arrives, and
          // Tab reaches it (focus loads the editor and moves into it).
          <pre
            className="challenge-editor challenge-editor--placeholder"
            tabIndex={0}
            aria-label={`${content.editorLabel} (the editor is loading)`}
          >
            {initialDoc}
          </pre>
        }
      >
        {(focused) => (
          <CodeEditor
            key={editorKey}
            initialDoc={initialDoc}
            label={content.editorLabel}
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
        <button
          type="button"
          disabled={running}
          aria-describedby="challenge-samples-help"
          onClick={() => run(latest.current, 'samples')}
        >
          Run samples
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
      <OwnCasesPanel getSource={() => latest.current} />
      {activeId === 'sliding-window' ? (
        <LearnerLimiterControls getSource={() => latest.current} />
      ) : null}
      <ModelSolution key={activeId} />
    </section>
  );
}

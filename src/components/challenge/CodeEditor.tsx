import { javascript } from '@codemirror/lang-javascript';
import { EditorState, Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { EditorView, basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { accessibleHighlighting } from './editorHighlight';

export interface CodeEditorProps {
  /** The text the editor starts with; a new value (or a new `key`) starts a fresh editor. */
  readonly initialDoc: string;
  /** The editor's accessible name. */
  readonly label: string;
  /** Id of an element describing the editor (keyboard shortcuts). */
  readonly describedBy?: string;
  readonly onChange: (doc: string) => void;
  /** Ctrl/Cmd+Enter. */
  readonly onRun: (doc: string) => void;
  /** Take the keyboard focus on mount (the learner was in the placeholder it replaces). */
  readonly autoFocus?: boolean;
}

/**
 * CodeMirror 6 with TypeScript highlighting, line numbers and bracket matching. Loaded lazily, so
 * CodeMirror is not in the page's first bundle. Tab is left to the browser (no keyboard trap).
 */
export function CodeEditor({
  initialDoc,
  label,
  describedBy,
  onChange,
  onRun,
  autoFocus = false,
}: CodeEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onChange, onRun });
  // Only the first editor takes focus: a reset's new editor stays where the learner left it.
  const focusOnMount = useRef(autoFocus);

  useEffect(() => {
    callbacks.current = { onChange, onRun };
  }, [onChange, onRun]);

  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    // An explicit tabindex: checkers (and some browsers) do not count a bare contenteditable as
    // the focusable content of its scrolling box.
    const attributes: Record<string, string> = { 'aria-label': label, tabindex: '0' };
    if (describedBy !== undefined) attributes['aria-describedby'] = describedBy;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: initialDoc,
        extensions: [
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                run: (target) => {
                  callbacks.current.onRun(target.state.doc.toString());
                  return true;
                },
              },
            ]),
          ),
          basicSetup,
          accessibleHighlighting,
          javascript({ typescript: true }),
          EditorView.contentAttributes.of(attributes),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    if (focusOnMount.current) view.focus();
    focusOnMount.current = false;
    return () => view.destroy();
  }, [initialDoc, label, describedBy]);

  return <div ref={hostRef} className="challenge-editor" />;
}

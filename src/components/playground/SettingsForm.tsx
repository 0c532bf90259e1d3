import { useState, type ReactNode } from 'react';

/**
 * A settings form's typed draft. It follows its source when the source changes from elsewhere
 * (undo, rewind, an experiment, a replay, a shared link), so Apply never silently puts back old
 * values; problems are kept per field until the next Apply.
 */
export function useSettingsDraft<Source, Draft, FieldName extends string>(
  source: Source,
  draftOf: (source: Source) => Draft,
) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(source));
  const [problems, setProblems] = useState<Partial<Record<FieldName, string>>>({});
  const [applied, setApplied] = useState<string | null>(null);
  const [shown, setShown] = useState(source);
  if (shown !== source) {
    setShown(source);
    setDraft(draftOf(source));
    setProblems({});
  }
  return {
    draft,
    problems,
    applied,
    /** Edits part of the draft; a status from the last Apply no longer describes it. */
    change(part: Partial<Draft>) {
      setDraft((current) => ({ ...current, ...part }));
      setApplied(null);
    },
    /** Apply found problems: show them beside their fields, apply nothing, keep the draft. */
    reject(found: Partial<Record<FieldName, string>>) {
      setProblems(found);
      setApplied(null);
    },
    /** Apply went through: clear the problems and say what changed. */
    accept(status: string) {
      setProblems({});
      setApplied(status);
    },
  };
}

/** The shell both settings forms share: submit runs `onApply`, and its status sits by the button. */
export function SettingsForm({
  className,
  label,
  submitLabel,
  applied,
  onApply,
  children,
}: {
  className: string;
  label: string;
  submitLabel: string;
  applied: string | null;
  onApply: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className={className}
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onApply();
      }}
    >
      {children}
      <div className="traffic-buttons">
        <button type="submit">{submitLabel}</button>
        {applied !== null && (
          <span className="field-note" role="status">
            {applied}
          </span>
        )}
      </div>
    </form>
  );
}

import { useId, type ReactNode } from 'react';
import {
  EXPECTED_KEY,
  type FieldProblems,
  type OwnCaseDraft,
  type OwnCaseField,
  type OwnCaseForm,
} from '../../challenge/ownCases';

interface FieldProps {
  readonly field: Pick<OwnCaseField, 'label' | 'multiline' | 'help'>;
  readonly value: string;
  readonly problem: string | undefined;
  readonly onChange: (text: string) => void;
}

/** One input with its help and, beside it, what is wrong with it. */
function CaseField({ field, value, problem, onChange }: FieldProps) {
  const id = useId();
  const describedBy = `${id}-help${problem === undefined ? '' : ` ${id}-problem`}`;
  const common = {
    id,
    value,
    'aria-invalid': problem !== undefined,
    'aria-describedby': describedBy,
    spellCheck: false,
  };
  return (
    <div className={`own-case__field${field.multiline ? ' own-case__field--wide' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      {field.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode="numeric"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <p id={`${id}-help`} className="hint own-case__help">
        {field.help}
      </p>
      {problem !== undefined ? (
        <p id={`${id}-problem`} className="own-case__problem">
          <span aria-hidden="true">⚠ </span>
          {problem}
        </p>
      ) : null}
    </div>
  );
}

interface OwnCaseEditorProps {
  readonly number: number;
  readonly form: OwnCaseForm<unknown>;
  readonly draft: OwnCaseDraft;
  readonly problems: FieldProblems;
  readonly onChange: (draft: OwnCaseDraft) => void;
  readonly onRemove: () => void;
  readonly children?: ReactNode;
}

/** One of the learner's cases: its fields as typed (never thrown away), and its problems. */
export function OwnCaseEditor({
  number,
  form,
  draft,
  problems,
  onChange,
  onRemove,
  children,
}: OwnCaseEditorProps) {
  return (
    <fieldset className="own-case">
      <legend>Case {number}</legend>
      <div className="own-case__fields">
        {form.fields.map((field) => (
          <CaseField
            key={field.key}
            field={field}
            value={draft.values[field.key] ?? ''}
            problem={problems[field.key]}
            onChange={(text) =>
              onChange({ ...draft, values: { ...draft.values, [field.key]: text } })
            }
          />
        ))}
        <CaseField
          field={{ label: 'expected (optional)', multiline: true, help: form.expectedHelp }}
          value={draft.expected}
          problem={problems[EXPECTED_KEY]}
          onChange={(expected) => onChange({ ...draft, expected })}
        />
      </div>
      <button type="button" className="own-case__remove" onClick={onRemove}>
        Remove case {number}
      </button>
      {children}
    </fieldset>
  );
}

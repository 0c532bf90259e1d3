import type { HTMLAttributes, ReactNode } from 'react';

/** A labelled control with its problem, if any, right beside it. */
export function Field({
  id,
  label,
  problem,
  children,
}: {
  id: string;
  label: string;
  problem: string | null;
  children: ReactNode;
}) {
  return (
    <div className={`field${problem === null ? '' : ' has-problem'}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {problem !== null && (
        <span id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

/** The props that tie an input to its problem message. */
function problemProps(id: string, problem: string | null) {
  return problem === null
    ? { 'aria-invalid': false as const }
    : { 'aria-invalid': true as const, 'aria-describedby': `${id}-problem` };
}

/** A labelled text input whose problem, if any, is announced and tied to it. */
export function TextField({
  id,
  label,
  problem,
  value,
  onChange,
  inputMode,
  list,
  children,
}: {
  id: string;
  label: string;
  problem: string | null;
  value: string;
  onChange: (value: string) => void;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  /** The id of a <datalist> of suggestions, given as `children`. */
  list?: string;
  children?: ReactNode;
}) {
  return (
    <Field id={id} label={label} problem={problem}>
      <input
        id={id}
        inputMode={inputMode}
        list={list}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        {...problemProps(id, problem)}
      />
      {children}
    </Field>
  );
}

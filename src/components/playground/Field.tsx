import type { ReactNode } from 'react';

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
export function problemProps(id: string, problem: string | null) {
  return problem === null
    ? { 'aria-invalid': false as const }
    : { 'aria-invalid': true as const, 'aria-describedby': `${id}-problem` };
}

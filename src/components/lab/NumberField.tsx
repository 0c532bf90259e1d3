import { useId } from 'react';

/** A labelled number field with its problem beside it (announced), as the lab's settings use. */
export function NumberField({
  label,
  text,
  problem,
  onChange,
  step,
}: {
  label: string;
  text: string;
  problem: string | null;
  onChange: (text: string) => void;
  step?: number;
}) {
  const id = useId();
  const problemId = useId();
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={step ?? 1}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={problemId}
      />
      <span id={problemId} className="lesson-problem" role={problem === null ? undefined : 'alert'}>
        {problem ?? ''}
      </span>
    </div>
  );
}

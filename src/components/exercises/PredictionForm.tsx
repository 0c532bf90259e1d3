import { useId, useState, type FormEvent } from 'react';

/**
 * A prediction the learner commits to before sending anything: one whole number in a range. The
 * field follows a prediction changed from outside ("Show me", a reset); a bad entry is explained
 * beside the field and nothing is saved.
 */
export function PredictionForm({
  label,
  button,
  prediction,
  min,
  max,
  example,
  saved,
  onSave,
}: {
  label: string;
  button: string;
  prediction: number | null;
  min: number;
  max: number;
  example: number;
  /** The line shown once a prediction is saved. */
  saved: (prediction: number) => string;
  onSave: (prediction: number) => void;
}) {
  const [text, setText] = useState(prediction === null ? '' : String(prediction));
  const [shownPrediction, setShownPrediction] = useState(prediction);
  if (shownPrediction !== prediction) {
    setShownPrediction(prediction);
    setText(prediction === null ? '' : String(prediction));
  }
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      setProblem(`Enter a whole number from ${min} to ${max}, e.g. ${example}.`);
      return;
    }
    setProblem(null);
    onSave(value);
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={problemId}
      />
      <button type="submit">{button}</button>
      <span
        id={problemId}
        className={problem === null ? 'lesson-ok' : 'lesson-problem'}
        role={problem === null ? undefined : 'alert'}
      >
        {problem ?? (prediction === null ? '' : saved(prediction))}
      </span>
    </form>
  );
}

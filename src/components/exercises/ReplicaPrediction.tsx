import { useId, useState, type FormEvent } from 'react';
import { REPLICA_QUESTION_TEXT, SCALE_OUT_ID } from '../../content/scaleExperiment';
import { useAppStore } from '../../store';

const RANGE = { min: 0, max: 20 };

function parseCount(text: string): number | null {
  const value = Number(text.trim());
  const whole = text.trim() !== '' && Number.isInteger(value);
  return whole && value >= RANGE.min && value <= RANGE.max ? value : null;
}

/** The scale-out experiment's control: two numbers, checked by the page against the engine. */
export function ReplicaPrediction() {
  const prediction = useAppStore((s) => s.replicaPrediction);
  const [localText, setLocalText] = useState(prediction === null ? '' : String(prediction.local));
  const [sharedText, setSharedText] = useState(
    prediction === null ? '' : String(prediction.shared),
  );
  // "Show me" or a reset can change the prediction from outside: the fields follow it.
  const [shownPrediction, setShownPrediction] = useState(prediction);
  if (shownPrediction !== prediction) {
    setShownPrediction(prediction);
    setLocalText(prediction === null ? '' : String(prediction.local));
    setSharedText(prediction === null ? '' : String(prediction.shared));
  }
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = parseCount(localText);
    const shared = parseCount(sharedText);
    if (local === null || shared === null) {
      setProblem(
        `Enter a whole number from ${RANGE.min} to ${RANGE.max} in ${
          local === null ? 'the first field' : 'the second field'
        }, e.g. 5.`,
      );
      return;
    }
    setProblem(null);
    const { restartExperiment, setReplicaPrediction } = useAppStore.getState();
    // A new prediction is checked afresh, with its own verdict saved.
    restartExperiment(SCALE_OUT_ID);
    setReplicaPrediction({ local, shared });
  };

  return (
    <form className="inline-form replica-prediction" onSubmit={submit} noValidate>
      <p>{REPLICA_QUESTION_TEXT}</p>
      <CountInput
        label="Requests passed with local counters"
        text={localText}
        onChange={setLocalText}
        invalid={problem !== null && parseCount(localText) === null}
        describedBy={problemId}
      />
      <CountInput
        label="Requests passed with a shared store"
        text={sharedText}
        onChange={setSharedText}
        invalid={problem !== null && parseCount(sharedText) === null}
        describedBy={problemId}
      />
      <button type="submit">Check my prediction</button>
      <span
        id={problemId}
        className={problem === null ? 'lesson-ok' : 'lesson-problem'}
        role={problem === null ? undefined : 'alert'}
      >
        {problem ??
          (prediction === null
            ? ''
            : `Saved: ${prediction.local} with local counters, ${prediction.shared} shared.`)}
      </span>
    </form>
  );
}

/** One of the two counts, labelled, marked invalid while the form's problem is about it. */
function CountInput({
  label,
  text,
  onChange,
  invalid,
  describedBy,
}: {
  label: string;
  text: string;
  onChange: (text: string) => void;
  invalid: boolean;
  describedBy: string;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={RANGE.min}
        max={RANGE.max}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
      />
    </>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { PROFILES, type ProfileName } from '../../engine';
import { useAppStore } from '../../store';
import { playActions } from './scenarioRunner';

/** The profiles the experiment compares, in the order it suggests running them. */
const COMPARED: readonly ProfileName[] = ['lesson', 'kong'];

/**
 * The profile experiment's controls: a prediction first (how many of the 10 keyed requests Kong
 * lets through), then the same traffic sent under each profile, through the same store actions
 * the picker and the playground use.
 */
export function ProfileCompare() {
  const prediction = useAppStore((s) => s.profilePrediction);
  const [text, setText] = useState(prediction === null ? '' : String(prediction));
  const [shownPrediction, setShownPrediction] = useState(prediction);
  if (shownPrediction !== prediction) {
    setShownPrediction(prediction);
    setText(prediction === null ? '' : String(prediction));
  }
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const inputId = useId();
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(value) || value < 0 || value > 10) {
      setProblem('Enter a whole number from 0 to 10, e.g. 5.');
      return;
    }
    setProblem(null);
    const { restartExperiment, setProfilePrediction } = useAppStore.getState();
    // Only traffic sent after the prediction counts, so the log cannot give the answer away.
    restartExperiment('lesson-vs-kong');
    setProfilePrediction(value);
  };

  const sendUnder = async (profile: ProfileName) => {
    setSending(true);
    try {
      const failed = await playActions(useAppStore, [
        { kind: 'use-profile', profile },
        { kind: 'send-across-minute' },
      ]);
      setProblem(failed);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="profile-compare">
      <form className="inline-form" onSubmit={submit} noValidate>
        <label htmlFor={inputId}>Of the 10 keyed requests, Kong lets through</label>
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problemId}
        />
        <button type="submit">Save the Kong prediction</button>
        <span
          id={problemId}
          className={problem === null ? 'lesson-ok' : 'lesson-problem'}
          role={problem === null ? undefined : 'alert'}
        >
          {problem ?? (prediction === null ? '' : `Saved: ${prediction}.`)}
        </span>
      </form>
      <div className="inline-form">
        {COMPARED.map((profile) => (
          <button
            key={profile}
            type="button"
            disabled={prediction === null || sending}
            onClick={() => void sendUnder(profile)}
          >
            Send the traffic under {profile === 'lesson' ? 'the lesson' : PROFILES[profile].label}
          </button>
        ))}
      </div>
    </div>
  );
}

import { useState } from 'react';
import { PROFILES, type ProfileName } from '../../engine';
import { useAppStore } from '../../store';
import { PredictionForm } from './PredictionForm';
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
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const sendUnder = async (profile: ProfileName) => {
    setSending(true);
    try {
      setProblem(
        await playActions(useAppStore, [
          { kind: 'use-profile', profile },
          { kind: 'send-across-minute' },
        ]),
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="profile-compare">
      <PredictionForm
        label="Of the 10 keyed requests, Kong lets through"
        button="Save the Kong prediction"
        prediction={prediction}
        min={0}
        max={10}
        example={5}
        saved={(value) => `Saved: ${value}.`}
        onSave={(value) => {
          const { restartExperiment, setProfilePrediction } = useAppStore.getState();
          // Only traffic sent after the prediction counts, so the log cannot give the answer away.
          restartExperiment('lesson-vs-kong');
          setProfilePrediction(value);
        }}
      />
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
        {problem !== null && (
          <span className="lesson-problem" role="alert">
            {problem}
          </span>
        )}
      </div>
    </div>
  );
}

import { useAppStore } from '../../store';
import { PredictionForm } from './PredictionForm';

/** Experiment 1's first step: the learner commits to a guess before sending anything. */
export function BurstPrediction() {
  const prediction = useAppStore((s) => s.burstPrediction);
  return (
    <PredictionForm
      label="Rate limiting starts on request number"
      button="Save prediction"
      prediction={prediction}
      min={1}
      max={1000}
      example={4}
      saved={(value) => `Saved: request ${value}.`}
      onSave={(value) => {
        const { restartExperiment, setBurstPrediction } = useAppStore.getState();
        // Only requests sent after the prediction count, so the log cannot give the answer away.
        restartExperiment('bursts');
        setBurstPrediction(value);
      }}
    />
  );
}

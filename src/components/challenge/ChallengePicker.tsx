import { CHALLENGE_CATALOGUE } from '../../content/challenges';
import { progressOf } from '../../store/challengeSlice';
import { useAppStore } from '../../store';

/**
 * Chooses which coding challenge the section shows. Each keeps its own code and pass; switching
 * is off while a run is going, so a result always lands on the challenge it belongs to.
 */
export function ChallengePicker() {
  const activeId = useAppStore((s) => s.activeChallengeId);
  const progress = useAppStore((s) => s.challengeProgress);
  const running = useAppStore((s) => s.challengeRun.status === 'running');
  return (
    <fieldset className="challenge-picker" disabled={running}>
      <legend>Choose a challenge</legend>
      {CHALLENGE_CATALOGUE.map(({ id, content }) => {
        const passed = progressOf({ challengeProgress: progress }, id).passed;
        return (
          <label key={id} className="challenge-picker__option">
            <input
              type="radio"
              name="challenge"
              value={id}
              checked={activeId === id}
              onChange={() => useAppStore.getState().setActiveChallenge(id)}
            />
            {content.title}
            <span className="challenge-picker__status">{passed ? ' — ✓ passed' : ''}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

import { useMemo, useState } from 'react';
import { differencesFromLesson, isProfileName, PROFILE_NAMES, PROFILES } from '../../engine';
import { useAppStore } from '../../store';
import { Field } from './Field';

const TOPIC_WORDS = {
  order: 'Order',
  matching: 'Matching',
  algorithm: 'Limit',
  codes: 'Answers',
  headers: 'Headers',
  simplification: 'Simplified here',
} as const;

/**
 * Whose rules the gateway follows: the lesson's or a real gateway's. The list under the picker is
 * generated from the engine's profile data; simplifications are marked as such, in words.
 */
export function ProfilePicker() {
  const profile = useAppStore((s) => s.profile);
  const setProfile = useAppStore((s) => s.setProfile);
  const [problem, setProblem] = useState<string | null>(null);
  const differences = useMemo(() => differencesFromLesson(PROFILES[profile]), [profile]);
  return (
    <div className="profile-picker">
      <Field id="gateway-profile" label="Gateway rules" problem={problem}>
        <select
          id="gateway-profile"
          value={profile}
          aria-invalid={problem !== null}
          {...(problem === null ? {} : { 'aria-describedby': 'gateway-profile-problem' })}
          onChange={(e) => {
            const next = e.target.value;
            if (!isProfileName(next)) return;
            const error = setProfile(next);
            setProblem(error === null ? null : error.reason);
          }}
        >
          {PROFILE_NAMES.map((name) => (
            <option key={name} value={name}>
              {PROFILES[name].label}
            </option>
          ))}
        </select>
      </Field>
      {differences.length > 0 && (
        <details className="profile-differences" open>
          <summary>How {PROFILES[profile].label} differs from the lesson</summary>
          <ul aria-label={`How ${PROFILES[profile].label} differs from the lesson`}>
            {differences.map((difference) => (
              <li
                key={difference.text}
                className={`difference difference-${difference.topic}`}
                data-topic={difference.topic}
              >
                <strong>{TOPIC_WORDS[difference.topic]}:</strong> {difference.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

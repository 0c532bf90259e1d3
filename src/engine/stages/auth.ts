import { checkApiKey, type KeyMode } from '../auth';
import { stopWith, type GatewayStage, type StageOutcome } from '../pipeline/types';
import { LESSON_PROFILE } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import type { GatewayProfile } from '../profiles/types';

/** The authentication stage: no key or an unknown one is refused before anything else, using no quota. */
export function authStage(
  keyMode: KeyMode,
  registeredKeys: ReadonlySet<string>,
  profile: GatewayProfile = LESSON_PROFILE,
): GatewayStage {
  // A registered key passes with the same note on every request, so its outcome is made once.
  // At most one per registered key (the gateway builds a new stage when the keys change).
  const passes = new Map<string, StageOutcome>();
  return {
    ...describeStage(profile, 'auth'),
    run({ request, headers }) {
      const known = typeof request.apiKey === 'string' ? passes.get(request.apiKey) : undefined;
      if (known !== undefined) return known;
      const verdict = checkApiKey(request.apiKey, keyMode, registeredKeys);
      if (verdict.ok) {
        const pass: StageOutcome = { verdict: 'pass', note: verdict.note };
        if (keyMode === 'registered') passes.set(request.apiKey as string, pass);
        return pass;
      }
      profile.authRefusalHeaders(headers);
      const refusal =
        verdict.reason === 'missing' ? profile.refusals.missingKey : profile.refusals.unknownKey;
      return stopWith('refuse', verdict.note, refusal);
    },
  };
}

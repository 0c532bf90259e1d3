import { checkApiKey, type KeyMode } from '../auth';
import type { GatewayStage } from '../pipeline/types';
import { LESSON_PROFILE } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import type { GatewayProfile } from '../profiles/types';

/** The authentication stage: no key or an unknown one is refused before anything else, using no quota. */
export function authStage(
  keyMode: KeyMode,
  registeredKeys: ReadonlySet<string>,
  profile: GatewayProfile = LESSON_PROFILE,
): GatewayStage {
  return {
    ...describeStage(profile, 'auth'),
    run({ request, headers }) {
      const verdict = checkApiKey(request.apiKey, keyMode, registeredKeys);
      if (verdict.ok) return { verdict: 'pass', note: verdict.note };
      profile.authRefusalHeaders(headers);
      const refusal =
        verdict.reason === 'missing' ? profile.refusals.missingKey : profile.refusals.unknownKey;
      return { verdict: 'refuse', note: verdict.note, ...refusal };
    },
  };
}

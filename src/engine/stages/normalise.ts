import { BoundedMap } from '../boundedMap';
import { stopWith, type GatewayStage, type StageOutcome } from '../pipeline/types';
import { LESSON_PROFILE } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import type { GatewayProfile } from '../profiles/types';
import { pathOnly } from '../routing';
import { normalisePath } from './normalisePath';

export { normalisePath };

/** Most paths need nothing: their outcome is made once. */
const ALREADY_NORMAL: StageOutcome = {
  verdict: 'pass',
  note: 'path already normal',
};

/**
 * Path normalisation: later stages (router, cache) see the normalised path, as in nginx. The
 * profile normalises (the lesson with `normalisePath`, nginx with `normaliseNginxPath`, which
 * refuses what nginx answers 400).
 */
export function normaliseStage(profile: GatewayProfile = LESSON_PROFILE): GatewayStage {
  // A path that changes says the same on every request: its outcome is made once per path.
  const changed = new BoundedMap<string, StageOutcome>();
  return {
    ...describeStage(profile, 'normalise'),
    run(context) {
      const before = context.path;
      const result = profile.normalise(before);
      if (!result.ok) return stopWith('refuse', result.reason, result.refusal);
      const after = result.path;
      context.path = after;
      if (after === before) return ALREADY_NORMAL;
      let pass = changed.get(before);
      if (pass === undefined) {
        pass = { verdict: 'pass', note: `${pathOnly(before)} → ${pathOnly(after)}` };
        changed.set(before, pass);
      }
      return pass;
    },
  };
}

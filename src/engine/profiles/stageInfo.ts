import type { StageInfo, StageName } from '../pipeline/types';
import type { GatewayProfile } from './types';

/** The profile's label and description for `name` (the name itself when the profile has none). */
export function describeStage(profile: GatewayProfile, name: StageName): StageInfo {
  return profile.stageInfo[name] ?? { name, label: name, description: '' };
}

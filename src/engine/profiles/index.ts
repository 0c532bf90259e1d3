import { LESSON_PROFILE } from './lesson';
import type { GatewayProfile } from './types';

export { LESSON_PROFILE, MESSAGES, policyWindowSeconds, toRetryAfterSeconds } from './lesson';
export type { GatewayProfile, RateLimitReport, Refusal } from './types';

/** The profiles the engine knows, by name. Issue 10 adds kong, envoy, nginx and aws beside lesson. */
export const PROFILES = { lesson: LESSON_PROFILE } as const satisfies Record<
  string,
  GatewayProfile
>;

export type ProfileName = keyof typeof PROFILES;

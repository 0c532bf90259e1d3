import { AWS_PROFILE } from './aws';
import { ENVOY_PROFILE } from './envoy';
import { KONG_PROFILE } from './kong';
import { LESSON_PROFILE } from './lesson';
import { NGINX_PROFILE } from './nginx';
import type { GatewayProfile } from './types';

export { LESSON_PROFILE, MESSAGES, policyWindowSeconds, toRetryAfterSeconds } from './lesson';
export { AWS_PROFILE } from './aws';
export { ENVOY_PROFILE } from './envoy';
export { KONG_PROFILE } from './kong';
export { NGINX_PROFILE, nginxRefusal } from './nginx';
export { differencesFromLesson, type ProfileDifference } from './differences';
export type {
  GatewayProfile,
  LimitRules,
  MatchingRules,
  NormalisedPath,
  RateLimitReport,
  Refusal,
  RouteRedirect,
} from './types';

/** The profiles the engine knows, by name: the lesson's rules and four real gateways'. */
export const PROFILES = {
  lesson: LESSON_PROFILE,
  kong: KONG_PROFILE,
  envoy: ENVOY_PROFILE,
  nginx: NGINX_PROFILE,
  aws: AWS_PROFILE,
} as const satisfies Record<string, GatewayProfile>;

export type ProfileName = keyof typeof PROFILES;

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

export function isProfileName(value: string): value is ProfileName {
  return Object.hasOwn(PROFILES, value);
}

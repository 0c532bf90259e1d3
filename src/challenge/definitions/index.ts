import { prefixRouterChallenge } from './prefixRouter';
import { slidingWindowChallenge } from './slidingWindow';
import { tokenBucketChallenge } from './tokenBucket';
import { anyDefinition, type AnyChallengeDefinition } from './types';

/** Every coding challenge, in the order the page offers them. */
export const CHALLENGES: readonly AnyChallengeDefinition[] = [
  anyDefinition(slidingWindowChallenge),
  anyDefinition(tokenBucketChallenge),
  anyDefinition(prefixRouterChallenge),
];

export type ChallengeId = string;

/** The challenge with `id`, or undefined. */
export function challengeById(id: string): AnyChallengeDefinition | undefined {
  return CHALLENGES.find((c) => c.id === id);
}

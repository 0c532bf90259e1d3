import { CHALLENGE_CATALOGUE, type ChallengeId } from '../../content/challenges';
import { prefixRouterChallenge } from './prefixRouter';
import { slidingWindowChallenge } from './slidingWindow';
import { tokenBucketChallenge } from './tokenBucket';
import { anyDefinition, type AnyChallengeDefinition } from './types';

const DEFINITIONS: Record<ChallengeId, AnyChallengeDefinition> = {
  'sliding-window': anyDefinition(slidingWindowChallenge),
  'token-bucket': anyDefinition(tokenBucketChallenge),
  'prefix-router': anyDefinition(prefixRouterChallenge),
};

/** Every coding challenge's grading definition, in the catalogue's order. */
export const CHALLENGES: readonly AnyChallengeDefinition[] = CHALLENGE_CATALOGUE.map(
  (c) => DEFINITIONS[c.id],
);

export type { ChallengeId };

/** The challenge with `id`, or undefined. */
export function challengeById(id: string): AnyChallengeDefinition | undefined {
  return CHALLENGES.find((c) => c.id === id);
}

import { slidingWindowChallenge } from './slidingWindow';
import { anyDefinition, type AnyChallengeDefinition } from './types';

/** Every coding challenge, in the order the page offers them. */
export const CHALLENGES: readonly AnyChallengeDefinition[] = [
  anyDefinition(slidingWindowChallenge),
];

export type ChallengeId = string;

/** The challenge with `id`, or undefined. */
export function challengeById(id: string): AnyChallengeDefinition | undefined {
  return CHALLENGES.find((c) => c.id === id);
}

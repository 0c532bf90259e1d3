import type { ChallengeContent } from '../../challenge/definitions/types';
import { PREFIX_ROUTER_CONTENT } from './prefixRouter';
import { SLIDING_WINDOW_CONTENT } from './slidingWindow';
import { TOKEN_BUCKET_CONTENT } from './tokenBucket';

/**
 * The coding challenges, in the order the page offers them: the one list of ids. The grading
 * definitions (challenge/definitions) are keyed by these ids; this list carries only text, so the
 * page can show it without loading the grader.
 */
export const CHALLENGE_CATALOGUE = [
  { id: 'sliding-window', content: SLIDING_WINDOW_CONTENT },
  { id: 'token-bucket', content: TOKEN_BUCKET_CONTENT },
  { id: 'prefix-router', content: PREFIX_ROUTER_CONTENT },
] as const satisfies readonly { id: string; content: ChallengeContent }[];

export type ChallengeId = (typeof CHALLENGE_CATALOGUE)[number]['id'];

/** The challenge that existed before there were several; old saves belong to it. */
export const FIRST_CHALLENGE_ID: ChallengeId = 'sliding-window';

export function isChallengeId(value: unknown): value is ChallengeId {
  return CHALLENGE_CATALOGUE.some((c) => c.id === value);
}

/** The text of challenge `id`. */
export function challengeContent(id: ChallengeId): ChallengeContent {
  return (CHALLENGE_CATALOGUE.find((c) => c.id === id) ?? CHALLENGE_CATALOGUE[0]).content;
}

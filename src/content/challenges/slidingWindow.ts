import type { ChallengeContent } from '../../challenge/definitions/types';
import { MODEL_EXPLANATION, MODEL_SOLUTION } from '../challenge/modelSolution';
import { STARTER_CODE } from '../challenge/starter';
import { CHALLENGE_RULES, CHALLENGE_TASK } from '../challenge/statement';

/** The sliding window challenge's text (its samples are content/challenge/samples.ts). */
export const SLIDING_WINDOW_CONTENT: ChallengeContent = {
  title: 'Sliding window log',
  task: CHALLENGE_TASK,
  rules: CHALLENGE_RULES,
  starterCode: STARTER_CODE,
  modelSolution: MODEL_SOLUTION,
  modelExplanation: MODEL_EXPLANATION,
  editorLabel: 'Your RateLimiter code',
};

/**
 * Judges a grading run off the page's main thread. Only our code runs here: the learner's answers
 * arrive as data from the sandbox worker, and this worker compares them with the reference
 * (regenerating the cases and the seeded random traces itself), so judging a large run never
 * freezes the page.
 */
import { judgeObservations } from '../challenge/judge';
import type { ChallengeReport, Observations } from '../challenge/types';

export interface JudgeRequest {
  readonly observations: Observations;
  readonly runMs: number;
}

interface JudgeScope {
  postMessage(report: ChallengeReport): void;
  onmessage: ((event: MessageEvent<JudgeRequest>) => void) | null;
}

const scope = self as unknown as JudgeScope;
scope.onmessage = (event) => {
  scope.postMessage(judgeObservations(event.data.observations, event.data.runMs));
};

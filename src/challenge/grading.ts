import type { AnyChallengeDefinition } from './definitions/types';
import { unusableReport } from './judge';
import { runJob } from './jobs';
import type { LearnerEndpoint } from './learnerSession';
import type { ChallengeReport } from './types';

/**
 * Grades `source` with a fresh learner side from `startLearner`, within `timeoutMs` of learner
 * time. Always resolves with a report: a timeout or a crash is a failed report with that problem.
 */
export async function gradeWith(
  definition: AnyChallengeDefinition,
  source: string,
  startLearner: () => LearnerEndpoint,
  timeoutMs: number,
): Promise<ChallengeReport> {
  const outcome = await runJob(
    { kind: 'grade', challengeId: definition.id, source },
    startLearner,
    timeoutMs,
  );
  if (outcome.kind === 'grade') return outcome.report;
  const problem =
    outcome.kind === 'stopped'
      ? outcome.error
      : { kind: 'crashed' as const, message: 'The judge answered something unexpected.' };
  return unusableReport(problem, [], 0);
}

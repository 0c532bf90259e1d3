import type { AnyChallengeDefinition } from './definitions/types';
import { unusableReport } from './judge';
import { runJob } from './jobs';
import type { LearnerEndpoint } from './learnerSession';
import type { OwnCasesReport } from './ownCases/report';
import type { OwnCaseDraft } from './ownCases/types';
import type { ChallengeReport, GradeScope, SourceProblem } from './types';

/**
 * Grades `source` with a fresh learner side from `startLearner`, within `timeoutMs` of learner
 * time. Always resolves with a report: a timeout or a crash is a failed report with that problem.
 */
export async function gradeWith(
  definition: AnyChallengeDefinition,
  source: string,
  startLearner: () => LearnerEndpoint,
  timeoutMs: number,
  scope: GradeScope = 'all',
): Promise<ChallengeReport> {
  const outcome = await runJob(
    { kind: 'grade', challengeId: definition.id, source, scope },
    startLearner,
    timeoutMs,
  );
  if (outcome.kind === 'grade') return outcome.report;
  return unusableReport(problemOf(outcome), [], 0, scope);
}

const problemOf = (outcome: { kind: string; error?: SourceProblem }): SourceProblem =>
  outcome.error ?? { kind: 'crashed', message: 'The judge answered something unexpected.' };

/** Judges the learner's own `cases` with a fresh learner side; always resolves with a report. */
export async function checkOwnCasesWith(
  definition: AnyChallengeDefinition,
  source: string,
  cases: readonly OwnCaseDraft[],
  startLearner: () => LearnerEndpoint,
  timeoutMs: number,
): Promise<OwnCasesReport> {
  const outcome = await runJob(
    { kind: 'own-cases', challengeId: definition.id, source, cases },
    startLearner,
    timeoutMs,
  );
  if (outcome.kind === 'own-cases') return outcome.report;
  return { results: [], problem: problemOf(outcome), logs: [], durationMs: 0 };
}

import { CHALLENGES, challengeById } from './definitions';
import { checkOwnCasesWith, gradeWith } from './grading';
import { unusableReport } from './judge';
import { startNodeLearner } from './nodeLearner';
import { DEFAULT_TIMEOUT_MS, GRADE_TIMEOUT_MS } from '../sandbox/protocol';
import type { OwnCasesReport } from './ownCases/report';
import type { OwnCaseDraft } from './ownCases/types';
import type { ChallengeReport, GradeScope } from './types';

export { CHALLENGES, challengeById } from './definitions';
export type { AnyChallengeDefinition, ChallengeDefinition } from './definitions/types';
export { referenceDecisions } from './reference';
export { MAX_LOG_LINES } from '../sandbox/learnerProtocol';
export type * from './types';
export type * from './ownCases/report';

/** The message for an id that names no challenge. */
function unknownId(id: string) {
  const known = CHALLENGES.map((c) => c.id).join(', ');
  return { kind: 'missing' as const, message: `No challenge "${String(id)}" (known: ${known}).` };
}

/**
 * Grades learner source for challenge `id` in Node. Learner code runs in a worker thread of its
 * own (see nodeLearner.ts), with a time limit; the judge runs here. Never throws or rejects: an
 * unknown id, a compile error, a timeout or a crash comes back as a failed report.
 */
export async function gradeChallenge(
  id: string,
  source: string,
  options: { timeoutMs?: number; scope?: GradeScope } = {},
): Promise<ChallengeReport> {
  const definition = challengeById(id);
  const scope = options.scope ?? 'all';
  if (definition === undefined) return unusableReport(unknownId(id), [], 0, scope);
  return gradeWith(
    definition,
    String(source),
    startNodeLearner,
    options.timeoutMs ?? GRADE_TIMEOUT_MS,
    scope,
  );
}

/**
 * Runs the learner's own `cases` for challenge `id` in Node, the reference answering beside the
 * learner's code. Never rejects: problems come back in the report.
 */
export async function checkOwnCases(
  id: string,
  source: string,
  cases: readonly OwnCaseDraft[],
  options: { timeoutMs?: number } = {},
): Promise<OwnCasesReport> {
  const definition = challengeById(id);
  if (definition === undefined) {
    return { results: [], problem: unknownId(id), logs: [], durationMs: 0 };
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return checkOwnCasesWith(definition, String(source), cases, startNodeLearner, timeoutMs);
}

/** Grades learner source for the sliding-window challenge; see gradeChallenge. */
export function gradeSource(
  source: string,
  options: { timeoutMs?: number } = {},
): Promise<ChallengeReport> {
  return gradeChallenge('sliding-window', source, options);
}

import { CHALLENGES, challengeById } from './definitions';
import { gradeWith } from './grading';
import { unusableReport } from './judge';
import { startNodeLearner } from './nodeLearner';
import { GRADE_TIMEOUT_MS } from '../sandbox/protocol';
import type { ChallengeReport } from './types';

export { CHALLENGES, challengeById } from './definitions';
export type { AnyChallengeDefinition, ChallengeDefinition } from './definitions/types';
export { referenceDecisions } from './reference';
export { MAX_LOG_LINES } from '../sandbox/learnerProtocol';
export type * from './types';

/**
 * Grades learner source for challenge `id` in Node. Learner code runs in a worker thread of its
 * own (see nodeLearner.ts), with a time limit; the judge runs here. Never throws or rejects: an
 * unknown id, a compile error, a timeout or a crash comes back as a failed report.
 */
export async function gradeChallenge(
  id: string,
  source: string,
  options: { timeoutMs?: number } = {},
): Promise<ChallengeReport> {
  const definition = challengeById(id);
  if (definition === undefined) {
    const known = CHALLENGES.map((c) => c.id).join(', ');
    return unusableReport(
      { kind: 'missing', message: `No challenge "${String(id)}" (known: ${known}).` },
      [],
      0,
    );
  }
  return gradeWith(
    definition,
    String(source),
    startNodeLearner,
    options.timeoutMs ?? GRADE_TIMEOUT_MS,
  );
}

/** Grades learner source for the sliding-window challenge; see gradeChallenge. */
export function gradeSource(
  source: string,
  options: { timeoutMs?: number } = {},
): Promise<ChallengeReport> {
  return gradeChallenge('sliding-window', source, options);
}

import { judgeObservations } from './judge';
import { observeLearnerLimiter } from './observe';
import type { ChallengeReport } from './types';

export { describeMismatch, firstMismatch, judgeObservations } from './judge';
export { gradedCases, type GradedCase } from './cases';
export { CLASS_NAME, loadLearnerLimiter, observeLearnerLimiter, runCase } from './observe';
export {
  LogSink,
  MAX_LOG_LINES,
  compileLearnerSource,
  loadLearnerExport,
  problemFromError,
} from './learnerModule';
export { referenceDecisions } from './reference';
export { RANDOM_SEED, RANDOM_TRACE_COUNT, randomTraces } from './randomTraces';
export type * from './types';

/**
 * Grades learner source in this realm: observe, then judge. Never throws; compile errors come back
 * as a failed report. In Node there is no time limit (an infinite loop hangs the caller); the
 * browser runs the observing half in a worker with a hard timeout.
 */
export async function gradeSource(source: string): Promise<ChallengeReport> {
  const startedMs = performance.now();
  try {
    const observations = observeLearnerLimiter(source);
    return judgeObservations(observations, performance.now() - startedMs);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return judgeObservations(
      { ok: false, problem: { kind: 'runtime', message }, logs: [] },
      performance.now() - startedMs,
    );
  }
}

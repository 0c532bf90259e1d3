import type { JobOutcome } from '../challenge/jobs';
import type { OwnCaseDraft } from '../challenge/ownCases/types';
import type { GradeScope, LimiterCall, SourceProblem } from '../challenge/types';

/** The jobs the sandbox runs; each one starts from the learner's source text. */
export type SandboxJob =
  | {
      readonly kind: 'grade';
      readonly challengeId: string;
      readonly source: string;
      readonly scope: GradeScope;
    }
  | {
      /** The learner's own cases, judged against the reference. */
      readonly kind: 'own-cases';
      readonly challengeId: string;
      readonly source: string;
      readonly cases: readonly OwnCaseDraft[];
    }
  | {
      readonly kind: 'limiter-decisions';
      readonly source: string;
      readonly maxRequests: number;
      readonly windowMs: number;
      readonly calls: readonly LimiterCall[];
    }
  | {
      readonly kind: 'route-lookup';
      readonly source: string;
      readonly routes: Readonly<Record<string, string>>;
      readonly paths: readonly string[];
    };

/** What a job that could load the learner's code produced, or why it could not. */
export type JobResult<T> =
  | ({ readonly ok: true; readonly logs: readonly string[] } & T)
  | { readonly ok: false; readonly problem: SourceProblem; readonly logs: readonly string[] };

/** Page → judge worker, with the port to the learner worker transferred alongside. */
export interface JudgeStart {
  readonly type: 'start';
  readonly job: SandboxJob;
  readonly timeoutMs: number;
}

/** Judge worker → page. */
export type JudgeMessage =
  | { readonly type: 'progress'; readonly step: string }
  /** The judge is done with the learner side (e.g. it timed out): terminate it now. */
  | { readonly type: 'stop-learner' }
  | { readonly type: 'done'; readonly outcome: JobOutcome };

/** Why a run gave no usable answer. `line`/`column` point into the learner's editor (1-based). */
export interface SandboxError {
  readonly kind: 'syntax' | 'runtime' | 'timeout' | 'crashed' | 'missing';
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** Learner time allowed per job in the page. */
export const DEFAULT_TIMEOUT_MS = 2000;

/**
 * Learner time allowed for a whole grading run (hidden suite with large inputs, 1,000 random
 * traces and the messaging between the two workers), in the page and in Node.
 */
export const GRADE_TIMEOUT_MS = 5000;

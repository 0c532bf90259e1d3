import type { LimiterCall, Observations, SourceProblem } from '../challenge/types';

/** The jobs the sandbox runs; each one starts from the learner's source text. */
export type SandboxJob =
  | { readonly kind: 'grade'; readonly source: string }
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

/** Page → worker. One run per worker; `requestId` ties every answer to it. */
export interface RunMessage {
  readonly type: 'run';
  readonly requestId: number;
  readonly job: SandboxJob;
}

/** What a job that could load the learner's code produced, or why it could not. */
export type JobResult<T> =
  | ({ readonly ok: true; readonly logs: readonly string[] } & T)
  | { readonly ok: false; readonly problem: SourceProblem; readonly logs: readonly string[] };

/** Worker → page. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly requestId: number; readonly step: string }
  | { readonly type: 'grade-done'; readonly requestId: number; readonly observations: Observations }
  | {
      readonly type: 'decisions-done';
      readonly requestId: number;
      readonly result: JobResult<{ readonly decisions: readonly boolean[] }>;
    }
  | {
      readonly type: 'routes-done';
      readonly requestId: number;
      readonly result: JobResult<{ readonly results: Readonly<Record<string, string | null>> }>;
    }
  | { readonly type: 'harness-error'; readonly requestId: number; readonly message: string };

/** Why a run gave no usable answer. `line`/`column` point into the learner's editor (1-based). */
export interface SandboxError {
  readonly kind: 'syntax' | 'runtime' | 'timeout' | 'crashed' | 'missing';
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export const DEFAULT_TIMEOUT_MS = 2000;

/**
 * Messages between the judge (trusted: computes every expected answer, verdict and shrink) and the
 * learner harness (runs learner code, reports raw outputs). Everything the learner side sends is
 * untrusted data: the judge checks its shape (challenge/learnerReplies.ts) before using it.
 */

/** How the harness reaches the learner's code: a class with one method, or a function. */
export type LearnerEntry =
  | {
      readonly kind: 'class';
      readonly name: string;
      readonly method: string;
      readonly output: OutputType;
    }
  | { readonly kind: 'function'; readonly name: string; readonly output: OutputType };

/** What each call must return; anything else stops the case (the judge says why). */
export type OutputType = 'boolean' | 'string-or-null';

/**
 * The wall clock (Date.now(), new Date(), performance.now()) learner code sees during a trace:
 * `startMs` at the constructor and the first call, then `stepMs` later at each following call.
 * Without one the clock stands still.
 */
export interface TraceClock {
  readonly startMs: number;
  readonly stepMs: number;
}

/** One run on a fresh instance: constructor arguments (class entries) and each call's arguments. */
export interface LearnerTrace {
  readonly construct: readonly unknown[];
  readonly calls: readonly (readonly unknown[])[];
  readonly clock?: TraceClock;
}

/** Judge → learner. */
export type JudgeToLearner =
  | {
      readonly type: 'load';
      readonly id: number;
      /** A Function body (compiled by the judge) that returns the declared entry, or undefined. */
      readonly body: string;
      readonly entry: LearnerEntry;
    }
  | { readonly type: 'run'; readonly id: number; readonly traces: readonly LearnerTrace[] };

/** A value the learner's code threw, read defensively (every field may be missing). */
export interface ThrownValue {
  readonly isError: boolean;
  readonly name: string | null;
  readonly message: string | null;
  readonly stack: string | null;
  /** String(value) for things that are not errors. */
  readonly text: string | null;
}

/** Where a run stopped early. */
export type RunStop =
  | { readonly at: 'construct' | 'call'; readonly thrown: ThrownValue }
  | { readonly at: 'no-method' }
  | {
      readonly at: 'bad-output';
      readonly type: string;
      readonly value?: string | number | boolean;
    };

/** The outputs of one trace, in call order, up to where it stopped. */
export interface TraceRun {
  readonly outputs: readonly (string | boolean | null)[];
  readonly stop: RunStop | null;
}

/** Learner → judge. `logs` holds the console lines written since the previous reply. */
export type LearnerToJudge =
  | { readonly type: 'ready' }
  | {
      readonly type: 'loaded';
      readonly id: number;
      /** typeof the declared entry ('undefined' when nothing by that name was declared). */
      readonly entryType: string;
      readonly logs: readonly string[];
      /** Console lines the harness dropped so far (over its caps). */
      readonly droppedLogs: number;
    }
  | {
      readonly type: 'load-failed';
      readonly id: number;
      readonly thrown: ThrownValue;
      readonly logs: readonly string[];
      /** Console lines the harness dropped so far (over its caps). */
      readonly droppedLogs: number;
    }
  | {
      readonly type: 'ran';
      readonly id: number;
      readonly runs: readonly TraceRun[];
      readonly logs: readonly string[];
      /** Console lines the harness dropped so far (over its caps). */
      readonly droppedLogs: number;
    };

/** Console capture limits, enforced on both sides (the judge does not trust the harness's). */
export const MAX_LOG_LINES = 200;
export const MAX_LOG_LINE_CHARS = 1000;
export const MAX_LOG_TOTAL_CHARS = 64_000;

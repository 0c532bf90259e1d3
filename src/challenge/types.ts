/** One call the grader makes: `allowRequest(clientId, timestampMs)`. */
export interface LimiterCall {
  readonly clientId: string;
  readonly timestampMs: number;
}

/** A limiter configuration plus the calls made on one fresh instance. */
export interface LimiterCase {
  readonly maxRequests: number;
  readonly windowMs: number;
  readonly calls: readonly LimiterCall[];
}

/** Where something went wrong in the learner's code (1-based, in the learner's editor). */
export interface SourceProblem {
  /** 'timeout' and 'crashed' come only from gradeSource/gradeChallenge in Node. */
  readonly kind: 'syntax' | 'runtime' | 'missing' | 'timeout' | 'crashed';
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** The first call where the learner's limiter and the reference disagree. */
export interface Mismatch {
  readonly limiterCase: LimiterCase;
  /** Index of the disagreeing call in `limiterCase.calls`. */
  readonly index: number;
  readonly expected: boolean;
  /** The learner's answer, or null when it threw instead. */
  readonly actual: boolean | null;
  readonly error: SourceProblem | null;
}

export interface TestResult {
  readonly name: string;
  readonly visible: boolean;
  readonly passed: boolean;
  readonly message: string;
  /** The first difference, for "Replay on the graph" and the detailed view. */
  readonly mismatch: Mismatch | null;
}

export interface ChallengeReport {
  readonly passed: boolean;
  readonly summary: string;
  readonly results: readonly TestResult[];
  /** Set when the code could not run at all (syntax error, missing class, …). */
  readonly problem: SourceProblem | null;
  readonly logs: readonly string[];
  /** How long the learner's code ran under test, ms (in the browser: inside the worker). */
  readonly durationMs: number;
}

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

/** The first call where the learner's limiter and the reference disagree, for the replay. */
export interface Mismatch {
  readonly limiterCase: LimiterCase;
  /** Index of the disagreeing call in `limiterCase.calls`. */
  readonly index: number;
  readonly expected: boolean;
  /** The learner's answer, or null when it threw instead. */
  readonly actual: boolean | null;
  readonly error: SourceProblem | null;
  /** The call in words, with the test's own time: `call 7: alice at t = 1,500 ms — expected false, yours true`. */
  readonly differingCall: string;
}

/** One call of a failing case as the table shows it; every value was computed by the judge. */
export interface CallTableRow {
  /** 1-based. */
  readonly number: number;
  /** The call as code: `allowRequest("alice", 500)`. */
  readonly call: string;
  /** One per column, as code prints it (`true`, `"http://…"`, `null`), or `threw …`/`not reached`. */
  readonly answers: readonly string[];
  /** Per column: true where the answer differs from the first column's (the reference's). */
  readonly differs: readonly boolean[];
  /** The call where the test failed. */
  readonly failing: boolean;
}

/** A failing case's calls up to the one that failed, with the reference's and the learner's answers. */
export interface CallTable {
  /** The case's settings, and how many earlier calls are left out. */
  readonly caption: string;
  /** Headings of the answer columns: "Expected" (the reference) first, then the learner's. */
  readonly columns: readonly string[];
  readonly rows: readonly CallTableRow[];
}

export interface TestResult {
  readonly name: string;
  readonly visible: boolean;
  readonly passed: boolean;
  readonly message: string;
  /** The failing calls as the page shows them, or null (passed, or nothing to show). */
  readonly table: CallTable | null;
  /** The first difference as a limiter case, for "Replay on the graph" (limiter challenges only). */
  readonly mismatch: Mismatch | null;
}

/** A full run (every test: the one that can pass the challenge) or the visible samples only. */
export type GradeScope = 'all' | 'samples';

export interface ChallengeReport {
  readonly scope: GradeScope;
  /** Every test of this run passed (for 'samples', only the samples ran). */
  readonly passed: boolean;
  readonly summary: string;
  readonly results: readonly TestResult[];
  /** Set when the code could not run at all (syntax error, missing class, …). */
  readonly problem: SourceProblem | null;
  readonly logs: readonly string[];
  /** How long the learner's code ran under test, ms (in the browser: inside the worker). */
  readonly durationMs: number;
}

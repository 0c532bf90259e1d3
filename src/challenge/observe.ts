import { gradedCases } from './cases';
import { LogSink, loadLearnerExport, problemFromError } from './learnerModule';
import { randomTraces, shrinkDisagreement } from './randomTraces';
import { referenceDecisions } from './reference';
import type { CaseRun, LimiterCase, Observations, SourceProblem } from './types';

export const CLASS_NAME = 'RateLimiter';

type LearnerClass = new (
  maxRequests: number,
  windowMs: number,
) => {
  allowRequest?: unknown;
};

/** Loads the learner's RateLimiter class, or says why it cannot be used. */
export function loadLearnerLimiter(
  source: string,
  sink: LogSink,
): { ok: true; limiterClass: LearnerClass } | { ok: false; problem: SourceProblem } {
  const loaded = loadLearnerExport(source, CLASS_NAME, sink);
  if (!loaded.ok) return loaded;
  if (typeof loaded.value !== 'function') {
    return {
      ok: false,
      problem: {
        kind: 'missing',
        message: `"${CLASS_NAME}" is not a class (it is a ${typeof loaded.value}).`,
      },
    };
  }
  return { ok: true, limiterClass: loaded.value as LearnerClass };
}

/** Runs one case on a fresh instance; stops at the first exception or non-boolean answer. */
export function runCase(limiterClass: LearnerClass, limiterCase: LimiterCase): CaseRun {
  const decisions: boolean[] = [];
  let limiter: { allowRequest?: unknown };
  try {
    limiter = new limiterClass(limiterCase.maxRequests, limiterCase.windowMs);
  } catch (error) {
    return { decisions, error: problemFromError(error) };
  }
  const allow = limiter.allowRequest;
  if (typeof allow !== 'function') {
    return {
      decisions,
      error: { kind: 'missing', message: `${CLASS_NAME} has no allowRequest method.` },
    };
  }
  for (const call of limiterCase.calls) {
    let answer: unknown;
    try {
      answer = allow.call(limiter, call.clientId, call.timestampMs);
    } catch (error) {
      return { decisions, error: problemFromError(error) };
    }
    if (typeof answer !== 'boolean') {
      const shown = typeof answer === 'string' ? JSON.stringify(answer) : String(answer);
      return {
        decisions,
        error: {
          kind: 'runtime',
          message: `allowRequest returned ${shown}; it must return true or false.`,
        },
      };
    }
    decisions.push(answer);
  }
  return { decisions, error: null };
}

function agreesWithReference(run: CaseRun, limiterCase: LimiterCase): boolean {
  if (run.error !== null) return false;
  const expected = referenceDecisions(limiterCase);
  return expected.every((answer, i) => run.decisions[i] === answer);
}

/**
 * Runs the learner's code over every graded case and the random traces and records what it did.
 * No verdicts here: see judge.ts. `onStep` names each step as it starts (the worker reports it so a
 * timeout can say where it happened).
 */
export function observeLearnerLimiter(
  source: string,
  onStep: (step: string) => void = () => {},
): Observations {
  const sink = new LogSink();
  onStep('loading your code');
  const loaded = loadLearnerLimiter(source, sink);
  if (!loaded.ok) return { ok: false, problem: loaded.problem, logs: sink.snapshot() };
  const { limiterClass } = loaded;
  const caseRuns = gradedCases().map((graded) => {
    onStep(graded.name);
    return runCase(limiterClass, graded);
  });
  onStep('randomized comparison');
  const traces = randomTraces();
  const randomRuns = traces.map((trace) => runCase(limiterClass, trace));
  let counterexample = null;
  if (randomRuns.some((run, i) => !agreesWithReference(run, traces[i] as LimiterCase))) {
    onStep('shrinking the counterexample');
    const minimal = shrinkDisagreement((c) => agreesWithReference(runCase(limiterClass, c), c));
    if (minimal !== null)
      counterexample = { limiterCase: minimal, run: runCase(limiterClass, minimal) };
  }
  return { ok: true, caseRuns, randomRuns, counterexample, logs: sink.snapshot() };
}

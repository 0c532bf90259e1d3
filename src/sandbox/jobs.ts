import { LogSink, loadLearnerExport, problemFromError } from '../challenge/learnerModule';
import { loadLearnerLimiter, runCase } from '../challenge/observe';
import type { LimiterCall } from '../challenge/types';
import type { JobResult } from './protocol';

/**
 * The learner-code jobs other than grading, as plain functions: the worker runs them, and Node
 * tests call them directly (there without a time limit).
 */

/** The learner's RateLimiter's answers for `calls`, from one fresh instance. */
export function limiterDecisions(
  source: string,
  maxRequests: number,
  windowMs: number,
  calls: readonly LimiterCall[],
): JobResult<{ decisions: boolean[] }> {
  const sink = new LogSink();
  const loaded = loadLearnerLimiter(source, sink);
  if (!loaded.ok) return { ok: false, problem: loaded.problem, logs: sink.snapshot() };
  const run = runCase(loaded.limiterClass, { maxRequests, windowMs, calls });
  if (run.error !== null) return { ok: false, problem: run.error, logs: sink.snapshot() };
  return { ok: true, decisions: run.decisions, logs: sink.snapshot() };
}

/** The learner's `findRoute(path, routes)` applied to each path; null when it finds nothing. */
export function routeLookup(
  source: string,
  routes: Readonly<Record<string, string>>,
  paths: readonly string[],
): JobResult<{ results: Record<string, string | null> }> {
  const sink = new LogSink();
  const loaded = loadLearnerExport(source, 'findRoute', sink);
  if (!loaded.ok) return { ok: false, problem: loaded.problem, logs: sink.snapshot() };
  const findRoute = loaded.value;
  if (typeof findRoute !== 'function') {
    return {
      ok: false,
      problem: {
        kind: 'missing',
        message: `"findRoute" is not a function (it is a ${typeof findRoute}).`,
      },
      logs: sink.snapshot(),
    };
  }
  const results: Record<string, string | null> = {};
  for (const path of paths) {
    let answer: unknown;
    try {
      // A fresh frozen copy each time: one lookup cannot change the table for the next.
      answer = findRoute(path, Object.freeze({ ...routes }));
    } catch (error) {
      return { ok: false, problem: problemFromError(error), logs: sink.snapshot() };
    }
    if (answer !== null && answer !== undefined && typeof answer !== 'string') {
      return {
        ok: false,
        problem: {
          kind: 'runtime',
          message: `findRoute("${path}") returned ${typeof answer}; it must return a URL string, or null when no route matches.`,
        },
        logs: sink.snapshot(),
      };
    }
    results[path] = answer ?? null;
  }
  return { ok: true, results, logs: sink.snapshot() };
}

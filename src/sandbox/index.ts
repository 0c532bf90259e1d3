/**
 * The learner-code sandbox, for the page. Each call starts a fresh module worker, runs one job with
 * a hard time limit (2 s by default) and terminates the worker. Nothing here throws: failures come
 * back as `{ ok: false, error }` with a SandboxError whose `kind` is
 *   'syntax'  – the code does not parse (line/column given when known),
 *   'runtime' – it threw (message, and the learner's line when the stack shows it),
 *   'missing' – the expected class/function is not declared (or is misnamed),
 *   'timeout' – it ran past the limit and was stopped,
 *   'crashed' – the worker died or answered nonsense.
 * Learner code never sees the page, the DOM or localStorage, and runs only when one of these is called.
 */
import type { ChallengeReport, LimiterCall, SourceProblem } from '../challenge/types';
import { runInSandbox, type RunOptions } from './client';
import type { JudgeRequest } from './judgeWorker';
import type { SandboxError } from './protocol';

export { DEFAULT_TIMEOUT_MS, type SandboxError, type SandboxJob } from './protocol';

export type SandboxResult<T> =
  | ({ readonly ok: true; readonly logs: string[] } & T)
  | { readonly ok: false; readonly error: SandboxError; readonly logs: string[] };

const fromProblem = (problem: SourceProblem): SandboxError => ({ ...problem });

/**
 * Grades the challenge: the learner's worker observes, the judge worker judges (see worker.ts).
 * Resolves with a report; a timeout or crash comes back as `{ ok: false }`.
 */
export async function runGrade(
  source: string,
  options: RunOptions = {},
): Promise<{ ok: true; report: ChallengeReport } | { ok: false; error: SandboxError }> {
  const outcome = await runInSandbox({ kind: 'grade', source }, options);
  if (!outcome.ok) return outcome;
  if (outcome.message.type !== 'grade-done') return unexpected();
  return judge({ observations: outcome.message.observations, runMs: outcome.runMs });
}

/** Most time judging may take before the page gives up on it. */
const JUDGE_LIMIT_MS = 20_000;

/**
 * Judges observations in a worker of our own (judgeWorker.ts), so the page stays responsive and
 * the judge (with fast-check) stays out of the first load.
 */
function judge(
  request: JudgeRequest,
): Promise<{ ok: true; report: ChallengeReport } | { ok: false; error: SandboxError }> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./judgeWorker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      resolve({
        ok: false,
        error: { kind: 'crashed', message: `Could not start the judge: ${String(error)}` },
      });
      return;
    }
    const finish = (
      outcome: { ok: true; report: ChallengeReport } | { ok: false; error: SandboxError },
    ) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    const failed = (message: string) => finish({ ok: false, error: { kind: 'crashed', message } });
    const timer = setTimeout(() => failed('Judging the results took too long.'), JUDGE_LIMIT_MS);
    worker.onmessage = (event: MessageEvent<ChallengeReport>) =>
      finish({ ok: true, report: event.data });
    worker.onerror = (event) => {
      event.preventDefault();
      failed(`Judging the results failed${event.message ? `: ${event.message}` : ''}.`);
    };
    worker.postMessage(request);
  });
}

/** The learner's RateLimiter(maxRequests, windowMs) answers for `calls`, from a fresh instance. */
export async function runLimiterDecisions(
  source: string,
  maxRequests: number,
  windowMs: number,
  calls: readonly LimiterCall[],
  options: RunOptions = {},
): Promise<SandboxResult<{ decisions: boolean[] }>> {
  const outcome = await runInSandbox(
    { kind: 'limiter-decisions', source, maxRequests, windowMs, calls },
    options,
  );
  if (!outcome.ok) return { ...outcome, logs: [] };
  if (outcome.message.type !== 'decisions-done') return { ...unexpected(), logs: [] };
  const { result } = outcome.message;
  if (!result.ok) return { ok: false, error: fromProblem(result.problem), logs: [...result.logs] };
  if (result.decisions.length !== calls.length) {
    return { ...unexpected(), logs: [...result.logs] };
  }
  return { ok: true, decisions: [...result.decisions], logs: [...result.logs] };
}

/**
 * For the routing experiment: evaluates the learner's `function findRoute(path, routes)` (routes is
 * a plain `{ "/api/users": "http://user-service:3001", … }`) over `paths` in the worker, with the
 * time limit. `results[path]` is the URL it returned, or null for null/undefined. Example:
 *   const r = await runRouteLookup(code, { '/api/users': 'http://user-service:3001' }, ['/api/users/1']);
 *   if (r.ok) r.results['/api/users/1']; else show(r.error.message, r.error.line);
 */
export async function runRouteLookup(
  source: string,
  routes: Record<string, string>,
  paths: string[],
  options: { timeoutMs?: number } = {},
): Promise<
  | { ok: true; results: Record<string, string | null>; logs: string[] }
  | { ok: false; error: SandboxError; logs: string[] }
> {
  const outcome = await runInSandbox({ kind: 'route-lookup', source, routes, paths }, options);
  if (!outcome.ok) return { ...outcome, logs: [] };
  if (outcome.message.type !== 'routes-done') return { ...unexpected(), logs: [] };
  const { result } = outcome.message;
  if (!result.ok) return { ok: false, error: fromProblem(result.problem), logs: [...result.logs] };
  return { ok: true, results: { ...result.results }, logs: [...result.logs] };
}

function unexpected(): { ok: false; error: SandboxError } {
  return {
    ok: false,
    error: { kind: 'crashed', message: 'The sandbox answered something unexpected.' },
  };
}

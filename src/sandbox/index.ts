/**
 * The learner-code sandbox, for the page. Each call starts a fresh learner worker and a fresh judge
 * worker (see client.ts), runs one job with a time limit on the learner's code (2 s by default) and
 * terminates both. Nothing here throws: failures come back as `{ ok: false, error }` with a
 * SandboxError whose `kind` is
 *   'syntax'  – the code does not parse (line/column given when known),
 *   'runtime' – it threw (message, and the learner's line when the stack shows it),
 *   'missing' – the expected class/function is not declared (or is misnamed),
 *   'timeout' – it ran past the limit and was stopped,
 *   'crashed' – a worker died or answered nonsense.
 * Learner code never sees the page, the DOM or localStorage, and runs only when one of these is called.
 */
import type { OwnCasesReport } from '../challenge/ownCases/report';
import type { OwnCaseDraft } from '../challenge/ownCases/types';
import type { ChallengeReport, GradeScope, LimiterCall, SourceProblem } from '../challenge/types';
import { runInSandbox, type RunOptions } from './client';
import { GRADE_TIMEOUT_MS, type SandboxError } from './protocol';

export { DEFAULT_TIMEOUT_MS, type SandboxError, type SandboxJob } from './protocol';

export type SandboxResult<T> =
  | ({ readonly ok: true; readonly logs: string[] } & T)
  | { readonly ok: false; readonly error: SandboxError; readonly logs: string[] };

const fromProblem = (problem: SourceProblem): SandboxError =>
  problem.kind === 'timeout' || problem.kind === 'crashed'
    ? { kind: problem.kind, message: problem.message }
    : { ...problem, kind: problem.kind };

function unexpected(): { ok: false; error: SandboxError } {
  return {
    ok: false,
    error: { kind: 'crashed', message: 'The sandbox answered something unexpected.' },
  };
}

/**
 * Grades challenge `challengeId` (the sliding window by default) with GRADE_TIMEOUT_MS of learner
 * time unless `timeoutMs` says otherwise; scope 'samples' runs the visible samples only. Resolves
 * with a report; a timeout or crash comes back as `{ ok: false }`.
 */
export async function runGrade(
  source: string,
  options: RunOptions & { readonly challengeId?: string; readonly scope?: GradeScope } = {},
): Promise<{ ok: true; report: ChallengeReport } | { ok: false; error: SandboxError }> {
  const challengeId = options.challengeId ?? 'sliding-window';
  const outcome = await runInSandbox(
    { kind: 'grade', challengeId, source, scope: options.scope ?? 'all' },
    { timeoutMs: GRADE_TIMEOUT_MS, ...options },
  );
  if (outcome.kind === 'stopped') return { ok: false, error: outcome.error };
  if (outcome.kind !== 'grade') return unexpected();
  return { ok: true, report: outcome.report };
}

/**
 * Runs the learner's own cases for challenge `challengeId`: their code's answers beside the
 * reference's, computed in the judge worker. A timeout or crash comes back as `{ ok: false }`.
 */
export async function runOwnCases(
  source: string,
  challengeId: string,
  cases: readonly OwnCaseDraft[],
  options: RunOptions = {},
): Promise<{ ok: true; report: OwnCasesReport } | { ok: false; error: SandboxError }> {
  const outcome = await runInSandbox({ kind: 'own-cases', challengeId, source, cases }, options);
  if (outcome.kind === 'stopped') return { ok: false, error: outcome.error };
  if (outcome.kind !== 'own-cases') return unexpected();
  return { ok: true, report: outcome.report };
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
  if (outcome.kind === 'stopped') return { ok: false, error: outcome.error, logs: [] };
  if (outcome.kind !== 'decisions') return { ...unexpected(), logs: [] };
  const { result } = outcome;
  if (!result.ok) return { ok: false, error: fromProblem(result.problem), logs: [...result.logs] };
  return { ok: true, decisions: [...result.decisions], logs: [...result.logs] };
}

/**
 * For the routing experiment: evaluates the learner's `function findRoute(path, routes)` (routes is
 * a plain `{ "/api/users": "http://user-service:3001", … }`) over `paths`, with the time limit.
 * `results[path]` is the URL it returned, or null for null/undefined. Example:
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
  if (outcome.kind === 'stopped') return { ok: false, error: outcome.error, logs: [] };
  if (outcome.kind !== 'routes') return { ...unexpected(), logs: [] };
  const { result } = outcome;
  if (!result.ok) return { ok: false, error: fromProblem(result.problem), logs: [...result.logs] };
  return { ok: true, results: { ...result.results }, logs: [...result.logs] };
}

import type { JobResult, SandboxJob } from '../sandbox/protocol';
import type { LearnerEntry } from '../sandbox/learnerProtocol';
import { challengeById } from './definitions';
import { problemFromStop } from './failures';
import { judgeSource, loadEntry, unusableReport } from './judge';
import { LearnerSession, LearnerStopped, type LearnerEndpoint } from './learnerSession';
import { judgeOwnCases } from './ownCases/judgeOwnCases';
import type { OwnCasesReport } from './ownCases/report';
import type { ChallengeReport } from './types';

/** What the judge answers for a job; `stopped` when the learner side timed out or died. */
export type JobOutcome =
  | { readonly kind: 'grade'; readonly report: ChallengeReport }
  | { readonly kind: 'own-cases'; readonly report: OwnCasesReport }
  | { readonly kind: 'decisions'; readonly result: JobResult<{ decisions: boolean[] }> }
  | {
      readonly kind: 'routes';
      readonly result: JobResult<{ results: Record<string, string | null> }>;
    }
  | {
      readonly kind: 'stopped';
      readonly error: { readonly kind: 'timeout' | 'crashed'; readonly message: string };
    };

const LIMITER_ENTRY: LearnerEntry = {
  kind: 'class',
  name: 'RateLimiter',
  method: 'allowRequest',
  output: 'boolean',
};
const ROUTER_ENTRY: LearnerEntry = {
  kind: 'function',
  name: 'findRoute',
  output: 'string-or-null',
};

async function limiterDecisions(
  session: LearnerSession,
  job: Extract<SandboxJob, { kind: 'limiter-decisions' }>,
): Promise<JobOutcome> {
  const problem = await loadEntry(LIMITER_ENTRY, job.source, session);
  if (problem !== null) {
    return { kind: 'decisions', result: { ok: false, problem, logs: session.logs() } };
  }
  const [run] = await session.run([
    {
      construct: [job.maxRequests, job.windowMs],
      calls: job.calls.map((c) => [c.clientId, c.timestampMs]),
    },
  ]);
  const stopped = problemFromStop(LIMITER_ENTRY, run?.stop ?? null);
  const decisions = (run?.outputs ?? []).filter((o): o is boolean => typeof o === 'boolean');
  if (stopped !== null || decisions.length !== job.calls.length) {
    const problem = stopped ?? { kind: 'runtime' as const, message: 'No answer for every call.' };
    return { kind: 'decisions', result: { ok: false, problem, logs: session.logs() } };
  }
  return { kind: 'decisions', result: { ok: true, decisions, logs: session.logs() } };
}

async function routeLookup(
  session: LearnerSession,
  job: Extract<SandboxJob, { kind: 'route-lookup' }>,
): Promise<JobOutcome> {
  const problem = await loadEntry(ROUTER_ENTRY, job.source, session);
  if (problem !== null) {
    return { kind: 'routes', result: { ok: false, problem, logs: session.logs() } };
  }
  const [run] = await session.run([
    { construct: [], calls: job.paths.map((p) => [p, job.routes]) },
  ]);
  const outputs = run?.outputs ?? [];
  if (run?.stop?.at === 'bad-output') {
    const path = job.paths[outputs.length] ?? '';
    return {
      kind: 'routes',
      result: {
        ok: false,
        problem: {
          kind: 'runtime',
          message: `findRoute("${path}") returned ${run.stop.type}; it must return a URL string, or null when no route matches.`,
        },
        logs: session.logs(),
      },
    };
  }
  const stopped = problemFromStop(ROUTER_ENTRY, run?.stop ?? null);
  if (stopped !== null || outputs.length !== job.paths.length) {
    const problem = stopped ?? { kind: 'runtime' as const, message: 'No answer for every path.' };
    return { kind: 'routes', result: { ok: false, problem, logs: session.logs() } };
  }
  const results: Record<string, string | null> = {};
  job.paths.forEach((path, i) => {
    const answer = outputs[i];
    results[path] = typeof answer === 'string' ? answer : null;
  });
  return { kind: 'routes', result: { ok: true, results, logs: session.logs() } };
}

const unknownChallenge = (id: string) => ({
  kind: 'missing' as const,
  message: `No challenge "${id}".`,
});

async function runWith(
  session: LearnerSession,
  job: SandboxJob,
  onStep: (step: string) => void,
): Promise<JobOutcome> {
  switch (job.kind) {
    case 'grade': {
      const definition = challengeById(job.challengeId);
      if (definition === undefined) {
        const problem = unknownChallenge(job.challengeId);
        return { kind: 'grade', report: unusableReport(problem, [], 0, job.scope) };
      }
      const report = await judgeSource(definition, job.source, session, onStep, job.scope);
      return { kind: 'grade', report };
    }
    case 'own-cases': {
      const definition = challengeById(job.challengeId);
      if (definition === undefined) {
        const problem = unknownChallenge(job.challengeId);
        return { kind: 'own-cases', report: { results: [], problem, logs: [], durationMs: 0 } };
      }
      const report = await judgeOwnCases(definition, job.source, job.cases, session);
      return { kind: 'own-cases', report };
    }
    case 'limiter-decisions':
      return limiterDecisions(session, job);
    case 'route-lookup':
      return routeLookup(session, job);
  }
}

/**
 * Runs one job with a fresh learner side, the judge here. Never rejects: a learner side that runs
 * past `timeoutMs` of its own time, or dies, gives `stopped`.
 */
export async function runJob(
  job: SandboxJob,
  startLearner: () => LearnerEndpoint,
  timeoutMs: number,
  onStep: (step: string) => void = () => {},
): Promise<JobOutcome> {
  let session: LearnerSession | null = null;
  try {
    session = new LearnerSession(startLearner(), timeoutMs);
    await session.ready();
    return await runWith(session, job, onStep);
  } catch (error) {
    if (error instanceof LearnerStopped) {
      return { kind: 'stopped', error: { kind: error.kind, message: error.message } };
    }
    return {
      kind: 'stopped',
      error: { kind: 'crashed', message: `The judge failed: ${String(error)}` },
    };
  } finally {
    session?.close();
  }
}

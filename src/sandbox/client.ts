import type { JobOutcome } from '../challenge/jobs';
import { STARTUP_LIMIT_MS } from '../challenge/learnerSession';
import { DEFAULT_TIMEOUT_MS, type JudgeMessage, type SandboxJob } from './protocol';

export interface RunOptions {
  /** Most time the learner's code may run in all (the judge's time is not counted). Default 2000. */
  readonly timeoutMs?: number;
  /** Called with each step the judge starts (grading reports its tests). */
  readonly onProgress?: (step: string) => void;
}

/** Most time judging may take, on top of the learner's time and start-up, before the page gives up. */
const JUDGE_LIMIT_MS = 20_000;

/** `create` must spell out `new Worker(new URL(…), …)`: that is how Vite finds worker entries. */
function startWorker(create: () => Worker): Worker | string {
  try {
    return create();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Runs one job: a fresh learner worker (runs the learner's code, decides nothing) and a fresh
 * judge worker (computes every answer), joined by a MessageChannel, both terminated at the end.
 * The judge keeps the learner within `timeoutMs`; this function also caps the whole run. Never
 * rejects: every failure resolves as `{ kind: 'stopped' }`.
 */
export function runInSandbox(job: SandboxJob, options: RunOptions = {}): Promise<JobOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve) => {
    const stopped = (kind: 'timeout' | 'crashed', message: string): JobOutcome => ({
      kind: 'stopped',
      error: { kind, message },
    });
    const learner = startWorker(
      () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
    );
    const judge = startWorker(
      () => new Worker(new URL('./judgeWorker.ts', import.meta.url), { type: 'module' }),
    );
    if (typeof learner === 'string' || typeof judge === 'string') {
      if (typeof learner !== 'string') learner.terminate();
      if (typeof judge !== 'string') judge.terminate();
      const message = typeof learner === 'string' ? learner : (judge as string);
      resolve(stopped('crashed', `The sandbox could not start: ${message}`));
      return;
    }
    let settled = false;
    const finish = (outcome: JobOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      learner.terminate();
      judge.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish(stopped('crashed', 'Grading took too long and was stopped.')),
      timeoutMs + STARTUP_LIMIT_MS + JUDGE_LIMIT_MS,
    );
    // Whatever the learner worker posts or throws is not evidence of anything: only the judge's
    // answer counts, and a learner worker that died shows up there as a timeout.
    learner.onmessage = null;
    learner.onerror = (event) => event.preventDefault();
    judge.onmessage = (event: MessageEvent<JudgeMessage>) => {
      const message = event.data;
      if (message.type === 'progress') options.onProgress?.(message.step);
      else if (message.type === 'stop-learner') learner.terminate();
      else if (message.type === 'done') finish(message.outcome);
    };
    judge.onerror = (event) => {
      event.preventDefault();
      finish(stopped('crashed', `The judge failed${event.message ? `: ${event.message}` : ''}.`));
    };
    const channel = new MessageChannel();
    learner.postMessage({ type: 'connect' }, [channel.port1]);
    judge.postMessage({ type: 'start', job, timeoutMs }, [channel.port2]);
  });
}

import {
  DEFAULT_TIMEOUT_MS,
  type SandboxError,
  type SandboxJob,
  type WorkerMessage,
} from './protocol';
import { isWorkerMessage } from './validate';

export interface RunOptions {
  /** Hard limit for the whole job; the worker is terminated when it passes. Default 2000. */
  readonly timeoutMs?: number;
  /** Called with each step the worker starts (grading reports its tests). */
  readonly onProgress?: (step: string) => void;
}

/** The worker's final message for a job, or why there is none. */
export type JobOutcome =
  | {
      readonly ok: true;
      readonly message: Exclude<WorkerMessage, { type: 'progress' }>;
      /** ms from the worker's first message (just before learner code runs) to its answer. */
      readonly runMs: number;
    }
  | { readonly ok: false; readonly error: SandboxError };

let nextRequestId = 1;

/** Most time the worker may take to load before it runs anything. */
const STARTUP_LIMIT_MS = 10_000;

function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(1)} s`;
}

/**
 * Runs one job in a fresh module worker and resolves with its answer. Never rejects: a timeout,
 * a crash, a worker that closed itself or a malformed answer all resolve as `{ ok: false }`.
 */
export function runInSandbox(job: SandboxJob, options: RunOptions = {}): Promise<JobOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const requestId = nextRequestId++;
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      resolve({
        ok: false,
        error: { kind: 'crashed', message: `The sandbox could not start: ${message}` },
      });
      return;
    }
    let lastStep: string | null = null;
    let settled = false;
    const finish = (outcome: JobOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    const onTimeout = () => {
      const during = lastStep === null ? '' : ` (during "${lastStep}")`;
      finish({
        ok: false,
        error: {
          kind: 'timeout',
          message: `Stopped after ${seconds(timeoutMs)}${during}: an infinite loop, a very slow solution, or code that closed the worker?`,
        },
      });
    };
    // Loading the worker's module is not the learner's time: the limit starts with the first
    // message (sent just before learner code runs), with a generous cap on loading itself.
    let timer = setTimeout(onTimeout, Math.max(timeoutMs, STARTUP_LIMIT_MS));
    let clockStarted = false;
    let runStartedMs = 0;
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data;
      if (!isWorkerMessage(data, requestId)) return; // not ours or malformed: ignored
      if (!clockStarted) {
        clockStarted = true;
        runStartedMs = performance.now();
        clearTimeout(timer);
        timer = setTimeout(onTimeout, timeoutMs);
      }
      if (data.type === 'progress') {
        lastStep = data.step;
        options.onProgress?.(data.step);
        return;
      }
      if (data.type === 'harness-error') {
        finish({
          ok: false,
          error: { kind: 'crashed', message: `The sandbox failed: ${data.message}` },
        });
        return;
      }
      finish({ ok: true, message: data, runMs: performance.now() - runStartedMs });
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      const detail = event.message ? `: ${event.message}` : '';
      finish({
        ok: false,
        error: { kind: 'crashed', message: `The sandbox worker crashed${detail}.` },
      });
    };
    worker.onmessageerror = () =>
      finish({
        ok: false,
        error: { kind: 'crashed', message: 'The sandbox sent an answer that could not be read.' },
      });
    worker.postMessage({ type: 'run', requestId, job });
  });
}

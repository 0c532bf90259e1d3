/**
 * The sandbox worker: runs one job of learner code, then the page terminates it.
 *
 * Why learner code cannot forge a pass:
 * - This worker never decides a verdict. It sends raw observations (the learner's true/false
 *   answers per case and per random trace); a separate judge worker that runs only our code
 *   regenerates the cases, computes the expected answers with the engine's reference limiter and
 *   compares (challenge/judge.ts, sandbox/judgeWorker.ts).
 *   Sending "correct" answers would take a correct limiter: that is solving the challenge.
 * - `postMessage` is captured here before learner code runs, and learner code is evaluated in a
 *   Function scope where `self`, `globalThis`, `postMessage`, `close`, `fetch`, timers, storage …
 *   are shadowed (hygiene only: `Function('return this')()` still reaches the global).
 * - The page accepts only well-formed messages carrying this run's id (sandbox/validate.ts), takes
 *   the first answer, terminates the worker, and treats a timeout, an `error` event or a worker
 *   that closed itself (no answer before the deadline) as an error, never a pass.
 * - The worker has no DOM and no localStorage, so learner code cannot touch the page or saved state.
 */
import { observeLearnerLimiter } from '../challenge/observe';
import { limiterDecisions, routeLookup } from './jobs';
import type { RunMessage, WorkerMessage } from './protocol';

/** The little of the worker's global scope the harness uses (the DOM lib has no worker types). */
interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<RunMessage>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const send: (message: WorkerMessage) => void = scope.postMessage.bind(scope);
let started = false;

function run({ requestId, job }: RunMessage): void {
  switch (job.kind) {
    case 'grade': {
      const observations = observeLearnerLimiter(job.source, (step) =>
        send({ type: 'progress', requestId, step }),
      );
      send({ type: 'grade-done', requestId, observations });
      return;
    }
    case 'limiter-decisions':
      send({
        type: 'decisions-done',
        requestId,
        result: limiterDecisions(job.source, job.maxRequests, job.windowMs, job.calls),
      });
      return;
    case 'route-lookup':
      send({
        type: 'routes-done',
        requestId,
        result: routeLookup(job.source, job.routes, job.paths),
      });
      return;
  }
}

scope.onmessage = (event: MessageEvent<RunMessage>) => {
  // One job per worker: a second "run" (e.g. posted by learner code) is ignored.
  if (started || event.data?.type !== 'run') return;
  started = true;
  // Starts the page's clock for this run: everything after this is the job's time.
  send({ type: 'progress', requestId: event.data.requestId, step: 'starting' });
  try {
    run(event.data);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    send({ type: 'harness-error', requestId: event.data.requestId, message });
  }
};

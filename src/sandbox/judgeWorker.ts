/**
 * The judge worker: only our code runs here. It compiles the learner's source, asks the learner
 * worker (over the MessagePort the page hands over) for raw outputs on inputs it chooses, computes
 * every expected answer, verdict and shrink, and posts the outcome to the page.
 */
import { runJob } from '../challenge/jobs';
import type { LearnerEndpoint } from '../challenge/learnerSession';
import type { JudgeMessage, JudgeStart } from './protocol';

interface JudgeScope {
  postMessage(message: JudgeMessage): void;
  onmessage: ((event: MessageEvent<JudgeStart>) => void) | null;
}

const scope = self as unknown as JudgeScope;

scope.onmessage = (event) => {
  const port = event.ports[0];
  if (port === undefined || event.data?.type !== 'start') return;
  scope.onmessage = null;
  const endpoint: LearnerEndpoint = {
    send: (message) => port.postMessage(message),
    onMessage: (handler) => {
      port.onmessage = (portEvent: MessageEvent<unknown>) => handler(portEvent.data);
    },
    // A learner worker that died simply stops answering: the session's time limit covers it.
    onGone: () => {},
    close: () => {
      port.close();
      scope.postMessage({ type: 'stop-learner' });
    },
  };
  const { job, timeoutMs } = event.data;
  void runJob(
    job,
    () => endpoint,
    timeoutMs,
    (step) => scope.postMessage({ type: 'progress', step }),
  ).then((outcome) => scope.postMessage({ type: 'done', outcome }));
};

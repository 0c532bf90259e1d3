/**
 * The learner worker: runs learner code for one job, then the page terminates it. It decides
 * nothing: the judge worker (its own realm) sends inputs over a MessagePort and this worker answers
 * with the learner's raw outputs (see learnerHarness.ts). The port arrives in the first message,
 * before any learner code exists; postMessage and the event's `data` getter are captured here so
 * learner code that replaces them later cannot reroute the harness.
 */
import { startLearnerHarness } from './learnerHarness';
import { MAX_LOG_LINE_CHARS, MAX_LOG_LINES, MAX_LOG_TOTAL_CHARS } from './learnerProtocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
}

const apply = Reflect.apply;
const postToPort = MessagePort.prototype.postMessage;
const eventData = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')?.get;
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const port = event.ports[0];
  if (port === undefined || eventData === undefined) return;
  scope.onmessage = null;
  startLearnerHarness(
    {
      send: (message) => apply(postToPort, port, [message]),
      listen: (handler) => {
        port.onmessage = (portEvent) => handler(apply(eventData, portEvent, []));
      },
    },
    {
      maxLines: MAX_LOG_LINES,
      maxLineChars: MAX_LOG_LINE_CHARS,
      maxTotalChars: MAX_LOG_TOTAL_CHARS,
    },
  );
};

/// <reference lib="webworker" />
import { runLab } from '../../engine/lab';
import { runJob } from './runJob';
import type { LabJob } from './labProtocol';

/**
 * The lab's worker: a 10,000-request trace through six algorithms takes far longer than one frame,
 * so it runs here and the page only draws. Decisions per second are measured here too, with this
 * tab's performance.now.
 */
self.onmessage = (event: MessageEvent<LabJob>) => {
  const { reply, transfer } = runJob(event.data, runLab, () => performance.now());
  self.postMessage(reply, { transfer });
};

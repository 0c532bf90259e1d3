import { SettingError } from '../../engine/errors';
import type { runLab } from '../../engine/lab';
import { toView, type LabJob, type LabReply } from './labProtocol';

/**
 * Runs one job and turns a bad setting into a sentence instead of an error across the thread.
 * Returns the buffers the reply may transfer.
 */
export function runJob(
  job: LabJob,
  run: typeof runLab,
  timer: () => number,
): { reply: LabReply; transfer: ArrayBuffer[] } {
  try {
    const started = timer();
    const result = run(job.limit, job.trace, { timer, samples: job.samples });
    const { view, transfer } = toView(result);
    return { reply: { id: job.id, view, computeMs: timer() - started }, transfer };
  } catch (error) {
    const problem =
      error instanceof SettingError
        ? error.message
        : `The lab could not run this trace: ${String(error)}`;
    return { reply: { id: job.id, problem }, transfer: [] };
  }
}

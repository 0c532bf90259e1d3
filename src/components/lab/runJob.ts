import { SettingError } from '../../engine/errors';
import type { runLab } from '../../engine/lab';
import type { LabJob, LabReply } from './labProtocol';

/** Runs one job and turns a bad setting into a sentence instead of an error across the thread. */
export function runJob(job: LabJob, run: typeof runLab, timer: () => number): LabReply {
  try {
    const started = timer();
    const result = run(job.limit, job.trace, { timer, samples: job.samples });
    return { id: job.id, result, computeMs: timer() - started };
  } catch (error) {
    if (error instanceof SettingError) return { id: job.id, problem: error.message };
    return { id: job.id, problem: `The lab could not run this trace: ${String(error)}` };
  }
}

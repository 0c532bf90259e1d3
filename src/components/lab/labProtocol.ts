import type { AlgorithmRun, LabLimit, LabResult, LabTrace } from '../../engine/lab';

/** What the page asks the lab worker: run this trace through every algorithm. */
export interface LabJob {
  readonly id: number;
  readonly limit: LabLimit;
  readonly trace: LabTrace;
  readonly samples: number;
}

/**
 * One run's requests as columns of typed arrays, in time order. They cross from the worker
 * without being copied (transferred); 60,000 request objects would take the page longer to
 * receive than one frame.
 */
export interface RequestColumns {
  readonly count: number;
  readonly atMs: Float64Array;
  /** 1 allowed, 0 refused. */
  readonly allowed: Uint8Array;
  /** 0 for a first attempt, then the retry's number. */
  readonly attempt: Uint16Array;
  readonly waitMs: Float64Array;
  readonly level: Float64Array;
}

/** An engine run as the page draws it: the same figures and samples, requests as columns. */
export interface LabRunView extends Omit<AlgorithmRun, 'requests'> {
  readonly requests: RequestColumns;
}

export interface LabView extends Omit<LabResult, 'runs'> {
  readonly runs: readonly LabRunView[];
}

export type LabReply =
  | { readonly id: number; readonly view: LabView; readonly computeMs: number }
  | { readonly id: number; readonly problem: string };

/** The engine's result as columns, and the buffers to transfer with it. */
export function toView(result: LabResult): { view: LabView; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const runs = result.runs.map((run): LabRunView => {
    const n = run.requests.length;
    const columns = {
      count: n,
      atMs: new Float64Array(n),
      allowed: new Uint8Array(n),
      attempt: new Uint16Array(n),
      waitMs: new Float64Array(n),
      level: new Float64Array(n),
    };
    run.requests.forEach((request, i) => {
      columns.atMs[i] = request.atMs;
      columns.allowed[i] = request.allowed ? 1 : 0;
      columns.attempt[i] = request.attempt;
      columns.waitMs[i] = request.waitMs;
      columns.level[i] = request.level;
    });
    const { atMs, allowed, attempt, waitMs, level } = columns;
    transfer.push(atMs.buffer, allowed.buffer, attempt.buffer, waitMs.buffer, level.buffer);
    return { ...run, requests: columns };
  });
  return { view: { ...result, runs }, transfer };
}

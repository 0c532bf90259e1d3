import type { LabLimit, LabResult, LabTrace } from '../../engine/lab';

/** What the page asks the lab worker: run this trace through every algorithm. */
export interface LabJob {
  readonly id: number;
  readonly limit: LabLimit;
  readonly trace: LabTrace;
  readonly samples: number;
}

export type LabReply =
  | { readonly id: number; readonly result: LabResult; readonly computeMs: number }
  | { readonly id: number; readonly problem: string };

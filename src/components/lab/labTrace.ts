import { SettingError } from '../../engine/errors';
import { drawnTrace, makeTrace, type LabLimit, type LabTrace } from '../../engine/lab';
import { DRAWN_PATTERN, LAB_RANGES, type LabTraceChoice } from '../../content/lab';

/** The trace the lab's settings describe, or the sentence saying why there is none. */
export function traceFor(
  choice: LabTraceChoice,
  limit: LabLimit,
  windows: number,
  seed: number,
  drawnTimesMs: readonly number[],
): { trace: LabTrace } | { problem: string } {
  try {
    if (choice === DRAWN_PATTERN) return { trace: drawnTrace(drawnTimesMs) };
    return { trace: makeTrace(choice, limit, { windows, seed }) };
  } catch (error) {
    if (error instanceof SettingError) return { problem: error.message };
    throw error;
  }
}

/** A drawn trace to start from: the requests of the trace on screen, as many as fit the list. */
export function startingDrawing(trace: LabTrace | null): number[] {
  if (trace === null) return [];
  const times = trace.kind === 'open' ? trace.timesMs : trace.demandMs;
  return times.slice(0, LAB_RANGES.drawnRequests).map((t) => Math.round(t));
}

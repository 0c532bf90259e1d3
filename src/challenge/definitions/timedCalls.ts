import fc from 'fast-check';

/** One call of a per-client limiter: `allowRequest(clientId, timestampMs)`. */
export interface TimedCall {
  readonly clientId: string;
  readonly timestampMs: number;
}

export interface TimedCallsShape {
  readonly clients: readonly string[];
  /** Gap before each call, in units of `unitMs`. */
  readonly gapUnits: fc.Arbitrary<number>;
  readonly unitMs: number;
  readonly maxStartUnits: number;
  readonly maxCalls: number;
  /** 'max' lets lengths reach maxCalls (fast-check's default size keeps arrays short). */
  readonly size?: 'max';
}

/** Calls from a few clients whose times never decrease, built from gaps so they shrink well. */
export function timedCalls(shape: TimedCallsShape): fc.Arbitrary<TimedCall[]> {
  return fc
    .record({
      startUnits: fc.integer({ min: 0, max: shape.maxStartUnits }),
      steps: fc.array(
        fc.record({ clientId: fc.constantFrom(...shape.clients), gapUnits: shape.gapUnits }),
        { maxLength: shape.maxCalls, ...(shape.size ? { size: shape.size } : {}) },
      ),
    })
    .map(({ startUnits, steps }) => {
      let timestampMs = startUnits * shape.unitMs;
      return steps.map(({ clientId, gapUnits }) => {
        timestampMs += gapUnits * shape.unitMs;
        return { clientId, timestampMs };
      });
    });
}

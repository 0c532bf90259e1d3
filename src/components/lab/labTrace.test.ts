import { describe, expect, it } from 'vitest';
import { LAB_RANGES } from '../../content/lab';
import { makeTrace } from '../../engine/lab';
import { startingDrawing, traceFor } from './labTrace';

const limit = { maxRequests: 5, windowMs: 60_000 };

describe('traceFor', () => {
  it('makes the engine’s trace for a pattern and for a drawing', () => {
    expect(traceFor('boundary-burst', limit, 3, 1, [])).toEqual({
      trace: makeTrace('boundary-burst', limit, { windows: 3, seed: 1 }),
    });
    expect(traceFor('drawn', limit, 3, 1, [300, 100])).toEqual({
      trace: { kind: 'open', timesMs: [100, 300] },
    });
  });

  it('turns a bad setting into the engine’s sentence', () => {
    expect(traceFor('drawn', limit, 3, 1, [])).toEqual({
      problem: 'timesMs: draw at least one request',
    });
    expect(traceFor('steady', { ...limit, maxRequests: 0 }, 3, 1, [])).toHaveProperty('problem');
  });
});

describe('startingDrawing', () => {
  it('starts from the requests on screen, as many as the list holds', () => {
    const trace = makeTrace('steady', { maxRequests: 200, windowMs: 1000 }, { windows: 3 });
    const drawing = startingDrawing(trace);
    expect(drawing).toHaveLength(LAB_RANGES.drawnRequests);
    expect(startingDrawing(makeTrace('retry-storm', limit))[0]).toBe(0);
    expect(startingDrawing(null)).toEqual([]);
  });
});

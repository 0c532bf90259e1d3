import { describe, expect, it } from 'vitest';
import { rowWindow, sliceNewRows } from './logWindow';

describe('rowWindow', () => {
  it('renders the rows in view plus the overscan, within the list', () => {
    expect(rowWindow(10_000, 0, 320, 34, 3)).toEqual({ first: 0, last: 13, kept: -1 });
    expect(rowWindow(10_000, 3400, 320, 34, 3)).toEqual({ first: 97, last: 113, kept: -1 });
    expect(rowWindow(6, 0, 320, 34, 3)).toEqual({ first: 0, last: 6, kept: -1 });
    expect(rowWindow(0, 0, 320, 34, 3)).toEqual({ first: 0, last: 0, kept: -1 });
  });

  it('keeps the focused row when newer requests push it out of view', () => {
    expect(rowWindow(1000, 0, 320, 34, 3, 500)).toEqual({ first: 0, last: 13, kept: 500 });
  });

  it('keeps nothing extra when the focused row is already in view or gone', () => {
    expect(rowWindow(1000, 0, 320, 34, 3, 5).kept).toBe(-1);
    expect(rowWindow(1000, 0, 320, 34, 3, 1000).kept).toBe(-1);
  });

  it('stays inside a list that shrank under a long scroll (a filter was chosen)', () => {
    expect(rowWindow(4, 34_000, 320, 34, 3)).toEqual({ first: 4, last: 4, kept: -1 });
  });
});

describe('sliceNewRows', () => {
  const inPage = (ids: number[]) => (row: number) => ids.includes(row);

  it('renders the rows already in the page and the first new ones, and counts the rest', () => {
    expect(sliceNewRows([9, 8, 7, 6, 5, 4], inPage([5, 4]), 2)).toEqual({
      now: [9, 8, 5, 4],
      later: 2,
    });
  });

  it('leaves nothing for later once every new row fits', () => {
    expect(sliceNewRows([3, 2, 1], inPage([]), 4)).toEqual({ now: [3, 2, 1], later: 0 });
    expect(sliceNewRows([3, 2, 1], inPage([3, 2, 1]), 0)).toEqual({ now: [3, 2, 1], later: 0 });
  });
});

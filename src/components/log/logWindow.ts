/** Rows the log renders: those in view (with some overscan), and one it must keep. */
export interface RowWindow {
  readonly first: number;
  /** One past the last row in view. */
  readonly last: number;
  /** A row outside the view that stays rendered (it has keyboard focus), or -1. */
  readonly kept: number;
}

/**
 * Which of `rowCount` rows of `rowHeight` px to render for a view `viewHeight` px tall scrolled
 * to `scrollTop`. The row at `keepIndex` is kept even out of view: unmounting the row that has
 * focus would drop the keyboard user back to the top of the page.
 */
export function rowWindow(
  rowCount: number,
  scrollTop: number,
  viewHeight: number,
  rowHeight: number,
  overscan: number,
  keepIndex = -1,
): RowWindow {
  const first = Math.min(rowCount, Math.max(0, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewHeight) / rowHeight) + overscan);
  const kept = keepIndex >= 0 && keepIndex < rowCount && (keepIndex < first || keepIndex >= last);
  return { first, last, kept: kept ? keepIndex : -1 };
}

/**
 * Of the rows to render, in order, those to render now: every one already in the page, and the
 * first `newAtOnce` of those new to it. `later` counts the new rows left for a following task: a
 * burst's first rows are the log's biggest layout, and one task for them all went past 50 ms on
 * a slow machine.
 */
export function sliceNewRows<T>(
  rows: readonly T[],
  inPage: (row: T) => boolean,
  newAtOnce: number,
): { now: T[]; later: number } {
  const now: T[] = [];
  let added = 0;
  let later = 0;
  for (const row of rows) {
    if (inPage(row)) now.push(row);
    else if (added < newAtOnce) {
      now.push(row);
      added++;
    } else later++;
  }
  return { now, later };
}

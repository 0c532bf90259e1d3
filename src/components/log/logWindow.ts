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

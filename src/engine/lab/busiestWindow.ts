/**
 * The most of `sortedTimesMs` (non-decreasing) that fall in one span `[s, s + windowMs)`, over
 * every start `s`, not only clock-aligned ones. Two pointers, O(n): a busiest span can always be
 * taken to start at one of the times, and as the end moves right the start only moves right.
 */
export function mostInAnyWindow(sortedTimesMs: readonly number[], windowMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < sortedTimesMs.length; end++) {
    const endMs = sortedTimesMs[end] as number;
    while (endMs - (sortedTimesMs[start] as number) >= windowMs) start++;
    if (end - start + 1 > best) best = end - start + 1;
  }
  return best;
}

/** "t = 12.40 s": the simulated clock for people, with no-break spaces so it never wraps. */
export function formatClock(ms: number): string {
  return `t\u00a0=\u00a0${(ms / 1000).toFixed(2)}\u00a0s`;
}

/**
 * "1.20 s", or "1.499 s" when hundredths would hide the millisecond: a request at 1,499 ms and one
 * at 1,500 ms can be decided differently, so the log must not show both as 1.50 s.
 */
export function formatInstant(ms: number): string {
  const seconds = ms / 1000;
  const hundredths = seconds.toFixed(2);
  return `${Number(hundredths) === seconds ? hundredths : seconds.toFixed(3)} s`;
}

/** "12.4 s" or "0.8 s": a wait for people, rounded up to a tenth. */
export function formatWait(ms: number): string {
  return `${(Math.ceil(ms / 100) / 10).toFixed(1)}\u00a0s`;
}

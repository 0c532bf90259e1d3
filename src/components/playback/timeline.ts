/** "t = 12.40 s": the simulated clock for people, with no-break spaces so it never wraps. */
export function formatClock(ms: number): string {
  return `t\u00a0=\u00a0${(ms / 1000).toFixed(2)}\u00a0s`;
}

/** "12.4 s" or "0.8 s": a wait for people, rounded up to a tenth. */
export function formatWait(ms: number): string {
  return `${(Math.ceil(ms / 100) / 10).toFixed(1)}\u00a0s`;
}

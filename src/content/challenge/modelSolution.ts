/**
 * The model solution, shown after the learner has run their code and confirmed. A plain array used
 * as a queue with a moving head index, so each timestamp is added once and dropped once.
 */
export const MODEL_SOLUTION = `class RateLimiter {
  private readonly logs = new Map<string, { times: number[]; head: number }>();

  constructor(
    private readonly maxRequests: number,
    private readonly windowMs: number,
  ) {}

  allowRequest(clientId: string, timestamp: number): boolean {
    let log = this.logs.get(clientId);
    if (log === undefined) {
      log = { times: [], head: 0 };
      this.logs.set(clientId, log);
    }
    // Drop requests that left the window: one exactly windowMs old no longer counts.
    while (log.head < log.times.length && timestamp - log.times[log.head]! >= this.windowMs) {
      log.head++;
    }
    // Compact now and then so the array does not keep every timestamp ever seen.
    if (log.head > 64 && log.head * 2 > log.times.length) {
      log.times = log.times.slice(log.head);
      log.head = 0;
    }
    if (log.times.length - log.head >= this.maxRequests) return false; // refused: not recorded
    log.times.push(timestamp);
    return true;
  }
}
`;

/** Why the queue beats filtering the log on every call. */
export const MODEL_EXPLANATION: readonly string[] = [
  'Each client keeps the timestamps of its allowed requests, oldest first. Because a client\u2019s timestamps never decrease, the requests that have left the window are always at the front, so the limiter only ever removes from the front and adds at the back: a queue.',
  'Filtering the whole log on every call (log = log.filter(t => now - t < windowMs)) looks at every stored timestamp each time and builds a new array, so one call costs O(k) for k stored requests, and a busy client pays that on every request.',
  'With the queue, each timestamp is pushed once and dropped once over its whole life, so n calls cost O(n) in total: amortized O(1) per call, however the calls are spread. The log also never holds more than maxRequests live entries, because refused requests are not recorded.',
  'The engine\u2019s SlidingWindowLimiter does the same with a ring buffer (a Float64Array that wraps around), which avoids the occasional compacting copy.',
];

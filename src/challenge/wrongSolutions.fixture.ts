/** Known-wrong learner solutions, each with the one mistake its name says. For the grader's tests. */
const limiterWith = (
  allowBody: string,
  fields = 'private readonly logs = new Map<string, number[]>();',
) => `
class RateLimiter {
  ${fields}
  constructor(private readonly maxRequests: number, private readonly windowMs: number) {}
  allowRequest(clientId: string, timestamp: number): boolean {
${allowBody}
  }
}`;

export const WRONG_SOLUTIONS: Readonly<Record<string, string>> = {
  'fixed window': limiterWith(
    `    const start = Math.floor(timestamp / this.windowMs) * this.windowMs;
    const key = clientId + '@' + start;
    const used = this.counts.get(key) ?? 0;
    if (used >= this.maxRequests) return false;
    this.counts.set(key, used + 1);
    return true;`,
    'private readonly counts = new Map<string, number>();',
  ),
  'boundary off by one': limiterWith(
    `    const log = (this.logs.get(clientId) ?? []).filter((t) => timestamp - t <= this.windowMs);
    this.logs.set(clientId, log);
    if (log.length >= this.maxRequests) return false;
    log.push(timestamp);
    return true;`,
  ),
  'state shared across clients': limiterWith(
    `    this.all = this.all.filter((t) => timestamp - t < this.windowMs);
    if (this.all.length >= this.maxRequests) return false;
    this.all.push(timestamp);
    return true;`,
    'private all: number[] = [];',
  ),
  'records refused requests': limiterWith(
    `    const log = (this.logs.get(clientId) ?? []).filter((t) => timestamp - t < this.windowMs);
    this.logs.set(clientId, log);
    const allowed = log.length < this.maxRequests;
    log.push(timestamp);
    return allowed;`,
  ),
  'uses Date.now': limiterWith(
    `    const now = Date.now();
    const log = (this.logs.get(clientId) ?? []).filter((t) => now - t < this.windowMs);
    this.logs.set(clientId, log);
    if (log.length >= this.maxRequests) return false;
    log.push(now);
    return true;`,
  ),
  'never refuses': limiterWith('    return true;'),
  'TypeScript syntax error': `class RateLimiter {
  constructor(maxRequests: number, windowMs: number) {}
  allowRequest(clientId: string, timestamp: number): boolean {
    return timestamp >> ;
  }
}`,
  'missing class': `class RateLimitter {
  allowRequest() { return true; }
}`,
  'throws in constructor': `class RateLimiter {
  constructor(maxRequests, windowMs) {
    throw new Error('not written yet');
  }
  allowRequest() { return true; }
}`,
};

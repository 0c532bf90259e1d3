/** What the editor holds before the learner types anything (and after "Reset to starter"). */
export const STARTER_CODE = `// Write a sliding-window rate limiter.
// TypeScript or JavaScript both work; \`export\` is optional.

class RateLimiter {
  constructor(maxRequests: number, windowMs: number) {
    // Keep what you need to remember here.
  }

  /** true: the request is allowed (and recorded); false: the client is over its limit. */
  allowRequest(clientId: string, timestamp: number): boolean {
    return true;
  }
}
`;

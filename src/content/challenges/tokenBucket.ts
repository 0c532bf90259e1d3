import type { ChallengeContent } from '../../challenge/definitions/types';

const MODEL_SOLUTION = `class TokenBucket {
  private readonly buckets = new Map<string, { tokens: number; lastMs: number }>();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
  ) {}

  allowRequest(clientId: string, timestamp: number): boolean {
    let bucket = this.buckets.get(clientId);
    if (bucket === undefined) {
      // A new client starts with a full bucket.
      bucket = { tokens: this.capacity, lastMs: timestamp };
      this.buckets.set(clientId, bucket);
    }
    // Refill for the time since the last call, never past capacity. The fraction is kept.
    const elapsedMs = timestamp - bucket.lastMs;
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (elapsedMs / 1000) * this.refillPerSecond);
    bucket.lastMs = timestamp;
    if (bucket.tokens < 1) return false; // refused: no token taken
    bucket.tokens -= 1;
    return true;
  }
}`;

/** The token bucket challenge's text: what the learner reads, starts from and may look at after. */
export const TOKEN_BUCKET_CONTENT: ChallengeContent = {
  title: 'Token bucket',
  task: 'Write a class `TokenBucket` that decides, request by request, whether a client may send now. The constructor takes `capacity` (the most tokens a bucket holds) and `refillPerSecond` (tokens added per second). `allowRequest(clientId, timestamp)` returns `true` and takes one token when the client has at least one, and `false` otherwise.',
  rules: [
    'One bucket per client, full (`capacity` tokens) at the client\u2019s first request.',
    'Tokens come back continuously: `elapsedMs / 1000 * refillPerSecond` since the client\u2019s last request, never more than `capacity`. Keep fractions of a token.',
    'An allowed request takes one token; a refused request takes none.',
    'Timestamps are milliseconds, given explicitly: never read the clock. For each client they never decrease.',
  ],
  starterCode: `// Write a token bucket rate limiter.
// TypeScript or JavaScript both work; \`export\` is optional.
class TokenBucket {
  constructor(capacity: number, refillPerSecond: number) {
    // your state here
  }

  allowRequest(clientId: string, timestamp: number): boolean {
    return true; // TODO: refill, then take a token if there is one
  }
}
`,
  modelSolution: MODEL_SOLUTION,
  modelExplanation: [
    'Each client has a token count and the time of its last request; a new client starts full.',
    'On each request the bucket is first refilled for the time that passed, capped at capacity, keeping fractions so slow trickles add up.',
    'A request is allowed only with a whole token available; a refused one leaves the bucket as it was, so clients that retry too fast do not starve themselves.',
    'Memory is one small record per client, and each call is O(1): this is why Envoy\u2019s local rate limit and AWS API Gateway use a bucket.',
  ],
  editorLabel: 'Your TokenBucket code',
};

import type { LimiterQuota, RateLimitAlgorithm } from '../limiters';
import { forkState } from '../pipeline/forkState';
import {
  stopWith,
  type GatewayRequest,
  type GatewayStage,
  type StageOutcome,
} from '../pipeline/types';
import { LESSON_PROFILE, toRetryAfterSeconds } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import type { GatewayProfile } from '../profiles/types';

/** The key the rate limiter counts a request under: its API key, as in the lesson. */
export function limiterKey(request: GatewayRequest): string {
  return request.apiKey ?? '';
}

/**
 * The rate-limit stage, keyed by API key as in the lesson. The profile writes its headers (the
 * lesson: the IETF draft's `RateLimit-Policy` and `RateLimit` on every response it sees, and
 * `Retry-After` on a 429).
 */
export function rateLimitStage(
  limiter: RateLimitAlgorithm,
  profile: GatewayProfile = LESSON_PROFILE,
): GatewayStage {
  const { quota, windowSeconds } = limiter.policy;
  // The quota without the marks when the limiter can give it: a snapshot copies every mark.
  const quotaOf: (key: string, atMs: number) => LimiterQuota =
    limiter.quota?.bind(limiter) ?? limiter.snapshot.bind(limiter);
  const passes = new OutcomesByNumber((remaining, limit) => ({
    verdict: 'pass',
    note: `${remaining} of ${limit} left`,
  }));
  const refusals = new OutcomesByNumber((retryAfter, limit) =>
    stopWith(
      'refuse',
      `limit of ${limit} reached; retry in ${retryAfter} s`,
      profile.refusals.rateLimited,
    ),
  );
  return {
    ...describeStage(profile, 'rate-limit'),
    run(context) {
      const key = limiterKey(context.request);
      const allowed = limiter.allowRequest(key, context.atMs);
      const after = quotaOf(key, context.atMs);
      profile.rateLimitHeaders(context.headers, {
        allowed,
        quota,
        windowSeconds,
        after,
        atMs: context.atMs,
      });
      if (allowed) {
        context.delayMs = limiter.lastDelayMs;
        if (context.delayMs > 0) {
          const note = `${after.remaining} of ${after.limit} left, queued ${Math.round(context.delayMs)} ms`;
          return { verdict: 'pass', note };
        }
        return passes.get(after.remaining, after.limit);
      }
      return refusals.get(toRetryAfterSeconds(after.msUntilAllowed), after.limit);
    },
    // A copy of the limiter's state: built-in limiters are plain data (maps, arrays, numbers).
    fork: () => rateLimitStage(forkState(limiter), profile),
  };
}

/** How many outcomes of each kind a rate-limit stage remembers: more than any lesson needs. */
const REMEMBERED = 1024;

/**
 * Outcomes by a small whole number (requests left, seconds to wait), each made once: the notes
 * repeat request after request, and building them every time was a fair share of the stage's
 * cost. They also name the limit, so a different limit starts afresh.
 */
class OutcomesByNumber {
  /** By the number: an array, as reading an index is cheaper than hashing a number. */
  private made: (StageOutcome | undefined)[] = [];
  private limit = NaN;

  constructor(private readonly make: (n: number, limit: number) => StageOutcome) {}

  get(n: number, limit: number): StageOutcome {
    if (!Number.isInteger(n) || n < 0 || n >= REMEMBERED) return this.make(n, limit);
    if (limit !== this.limit) {
      this.made = [];
      this.limit = limit;
    }
    return (this.made[n] ??= this.make(n, limit));
  }
}

import type { LimiterQuota, RateLimitAlgorithm } from '../limiters';
import { forkState } from '../pipeline/forkState';
import type { GatewayRequest, GatewayStage } from '../pipeline/types';
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
        const waits = context.delayMs > 0 ? `, queued ${Math.round(context.delayMs)} ms` : '';
        return { verdict: 'pass', note: `${after.remaining} of ${after.limit} left${waits}` };
      }
      const retryAfter = toRetryAfterSeconds(after.msUntilAllowed);
      return {
        verdict: 'refuse',
        note: `limit of ${after.limit} reached; retry in ${retryAfter} s`,
        ...profile.refusals.rateLimited,
      };
    },
    // A copy of the limiter's state: built-in limiters are plain data (maps, arrays, numbers).
    fork: () => rateLimitStage(forkState(limiter), profile),
  };
}

import type { GatewayStage } from '../pipeline/types';
import { LESSON_PROFILE } from '../profiles/lesson';
import { describeStage } from '../profiles/stageInfo';
import type { GatewayProfile } from '../profiles/types';

/**
 * Request id / correlation id: a request that arrives with an id header keeps it (it correlates
 * the calls of one user action across services); otherwise the gateway numbers it. The id goes
 * to the service and back to the client. Ids are a counter, so runs are reproducible.
 */
export function requestIdStage(
  profile: GatewayProfile = LESSON_PROFILE,
  prefix = 'req',
  issued = 0,
): GatewayStage {
  let count = issued;
  const header = profile.requestIdHeader;
  return {
    ...describeStage(profile, 'request-id'),
    run(context) {
      const given = context.request.headers?.[header];
      const kept = given !== undefined && given !== '';
      const id = kept ? given : `${prefix}-${idDigits(++count)}`;
      (context.forwardHeaders ??= {})[header] = id;
      // The response headers start here, so every answer (refusals too) carries the id.
      context.headers[header] = id;
      return { verdict: 'pass', note: kept ? `kept ${id} from the client` : `id ${id}` };
    },
    fork: () => requestIdStage(profile, prefix, count),
  };
}

/** '000' to '999': ids are written three digits at a time from this table (see `idDigits`). */
const THREE_DIGITS: readonly string[] = Array.from({ length: 1000 }, (_, n) =>
  String(n).padStart(3, '0'),
);

/**
 * `String(n).padStart(6, '0')` for a whole number n ≥ 0, written from THREE_DIGITS. Why not
 * String(n): converting a new number on every request fills V8's number-to-string cache, and all
 * it holds survives the next young-generation collection, which made collections several times
 * slower with this stage on. Numbers below 1000 (the leading digits) are always in that cache.
 */
export function idDigits(n: number): string {
  if (n < 1_000_000)
    return (THREE_DIGITS[Math.floor(n / 1000)] as string) + (THREE_DIGITS[n % 1000] as string);
  let digits = '';
  let rest = n;
  while (rest >= 1000) {
    digits = (THREE_DIGITS[rest % 1000] as string) + digits;
    rest = Math.floor(rest / 1000);
  }
  return String(rest) + digits;
}

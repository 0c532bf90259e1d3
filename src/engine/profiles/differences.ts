import { ALGORITHMS } from '../limiters';
import { LESSON_PROFILE } from './lesson';
import { describeStage } from './stageInfo';
import type { GatewayProfile, RateLimitReport, Refusal } from './types';

/** One line of "how this differs from the lesson"; `simplification` marks where the page simplifies. */
export interface ProfileDifference {
  readonly topic: 'order' | 'matching' | 'algorithm' | 'codes' | 'headers' | 'simplification';
  readonly text: string;
}

function alwaysOn(profile: GatewayProfile): string[] {
  return profile.order.filter((name) => profile.required.includes(name));
}

function orderOf(profile: GatewayProfile): string {
  return alwaysOn(profile)
    .map((name) => describeStage(profile, name).label)
    .join(' → ');
}

/** Where a stage stands among the always-on ones (−1 when the profile has no such stage). */
function position(profile: GatewayProfile, name: string): number {
  return alwaysOn(profile).indexOf(name);
}

function bodyInWords(body: string): string {
  if (body === '') return 'an empty body';
  if (body.startsWith('<html>')) return "nginx's HTML error page";
  return body;
}

function refusalInWords({ status, body }: Refusal): string {
  return `${status} ${bodyInWords(body)}`;
}

const REFUSALS = [
  ['missingKey', 'No key'],
  ['unknownKey', 'An unknown key'],
  ['rateLimited', 'Over the limit'],
  ['noRoute', 'No route'],
] as const;

/** The header names a profile writes on an allowed response, on a 429 and on a 401. */
function headerNames(profile: GatewayProfile): {
  allowed: string[];
  refused: string[];
  auth: string[];
} {
  const after = { limit: 5, remaining: 0, msUntilAllowed: 1000, msUntilNextSlot: 1000, marks: [] };
  const report = (allowed: boolean): RateLimitReport => ({
    allowed,
    quota: 5,
    windowSeconds: 60,
    after,
    atMs: 0,
  });
  const allowed: Record<string, string> = {};
  const refused: Record<string, string> = {};
  const auth: Record<string, string> = {};
  profile.rateLimitHeaders(allowed, report(true));
  profile.rateLimitHeaders(refused, report(false));
  profile.authRefusalHeaders(auth);
  return { allowed: Object.keys(allowed), refused: Object.keys(refused), auth: Object.keys(auth) };
}

function list(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.join(', ');
}

function algorithmLabel(profile: GatewayProfile): string {
  return (
    ALGORITHMS.find((a) => a.name === profile.limit.algorithm)?.label ?? profile.limit.algorithm
  );
}

/**
 * How `profile` differs from the lesson, generated from the two profiles' data: the order of the
 * always-on stages, route matching, the limiter, refusal statuses and bodies, the headers, and
 * the playground's simplifications of this gateway. Empty for the lesson itself.
 */
export function differencesFromLesson(
  profile: GatewayProfile,
  lesson: GatewayProfile = LESSON_PROFILE,
): ProfileDifference[] {
  if (profile === lesson) return [];
  const out: ProfileDifference[] = [];
  if (alwaysOn(profile).join() !== alwaysOn(lesson).join()) {
    out.push({
      topic: 'order',
      text: `Order: ${orderOf(profile)} (the lesson: ${orderOf(lesson)}).`,
    });
  }
  const routerFirst = position(profile, 'router') < position(profile, 'auth');
  if (routerFirst !== position(lesson, 'router') < position(lesson, 'auth')) {
    out.push({
      topic: 'order',
      text: routerFirst
        ? `An unknown path is answered ${profile.refusals.noRoute.status} before the key is looked at, so even a request without a key gets it.`
        : 'The key is checked before the path is matched.',
    });
  }
  const routerBeforeLimit = position(profile, 'router') < position(profile, 'rate-limit');
  if (routerBeforeLimit !== position(lesson, 'router') < position(lesson, 'rate-limit')) {
    out.push({
      topic: 'order',
      text: routerBeforeLimit
        ? 'A request to an unknown path uses no quota: it is refused before the limit counts it.'
        : 'A request to an unknown path uses quota: the limit counts it before the router refuses it.',
    });
  }
  if (profile.matching.prefix !== lesson.matching.prefix) {
    out.push({
      topic: 'matching',
      text:
        profile.matching.prefix === 'string'
          ? 'Prefixes are plain strings: /api/users also matches /api/usersX.'
          : 'Prefixes respect segments: /api/users does not match /api/usersX.',
    });
  }
  if (profile.matching.winner !== lesson.matching.winner) {
    out.push({
      topic: 'matching',
      text:
        profile.matching.winner === 'first-listed'
          ? 'Of several matching routes the first in the list wins, not the longest.'
          : 'Of several matching routes an exact one wins, then the longest prefix.',
    });
  }
  if (profile.limit.algorithm !== lesson.limit.algorithm) {
    const burst = profile.limit.burst === null ? '' : ` burst means ${profile.limit.burst}.`;
    out.push({
      topic: 'algorithm',
      text: `Limit: ${profile.limit.mechanism}, algorithm ${algorithmLabel(profile)} (the lesson: ${algorithmLabel(lesson)}).${burst}`,
    });
  }
  if (profile.limit.statusSetting !== null) {
    out.push({
      topic: 'codes',
      text: `${profile.limit.statusSetting.name} changes the status of a refusal over the limit.`,
    });
  }
  for (const [kind, words] of REFUSALS) {
    const own = profile.refusals[kind];
    const theirs = lesson.refusals[kind];
    if (own.status === theirs.status && own.body === theirs.body) continue;
    out.push({
      topic: 'codes',
      text: `${words}: ${refusalInWords(own)} (the lesson: ${refusalInWords(theirs)}).`,
    });
  }
  const own = headerNames(profile);
  const theirs = headerNames(lesson);
  const pairs = [
    ['On an allowed request', own.allowed, theirs.allowed],
    ['On a refusal over the limit', own.refused, theirs.refused],
    ['On a refused key', own.auth, theirs.auth],
  ] as const;
  for (const [when, names, lessonNames] of pairs) {
    if (list(names) === list(lessonNames)) continue;
    out.push({
      topic: 'headers',
      text: `${when}, headers: ${list(names)} (the lesson: ${list(lessonNames)}).`,
    });
  }
  if (profile.keyHeader !== lesson.keyHeader) {
    out.push({ topic: 'headers', text: `The key travels in ${profile.keyHeader}.` });
  }
  for (const text of profile.simplifications) out.push({ topic: 'simplification', text });
  return out;
}

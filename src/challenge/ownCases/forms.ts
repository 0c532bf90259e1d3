import type { TimedCall } from '../definitions/timedCalls';
import type { CallOutput } from '../definitions/types';
import {
  parseBooleanAnswers,
  parseTextAnswers,
  parseTimedCalls,
  parseWholeNumber,
  textLines,
  type Parsed,
} from './parseFields';
import {
  EXPECTED_KEY,
  MAX_OWN_CALLS,
  type OwnCaseDraft,
  type OwnCaseField,
  type OwnCaseForm,
  type ParsedOwnCase,
} from './types';
import { formatNumber } from '../../format/formatNumber';

/** Reads every field, then the expected answers once the call count is known. */
function parseWith<Case>(
  draft: OwnCaseDraft,
  read: (field: <T>(key: string, parse: (text: string) => Parsed<T>) => T | undefined) => {
    readonly challengeCase: Case;
    readonly callCount: number;
  } | null,
  parseExpected: (text: string, callCount: number) => Parsed<CallOutput[] | null>,
): ParsedOwnCase<Case> {
  const problems: Record<string, string> = {};
  const built = read((key, parse) => {
    const parsed = parse(draft.values[key] ?? '');
    if (parsed.ok) return parsed.value;
    problems[key] = parsed.problem;
    return undefined;
  });
  if (built === null) return { ok: false, problems };
  const expected = parseExpected(draft.expected, built.callCount);
  if (!expected.ok) return { ok: false, problems: { [EXPECTED_KEY]: expected.problem } };
  return { ok: true, ...built, expected: expected.value };
}

/** A whole-number constructor argument of a limiter. */
interface WholeNumberParameter {
  readonly key: string;
  readonly min: number;
  readonly max: number;
  readonly example: string;
}

const wholeNumberField = (p: WholeNumberParameter): OwnCaseField => ({
  key: p.key,
  label: p.key,
  multiline: false,
  help: `A whole number from ${formatNumber(p.min)} to ${formatNumber(p.max)}.`,
  example: p.example,
});

const CALLS_FIELD: OwnCaseField = {
  key: 'calls',
  label: 'calls',
  multiline: true,
  help: `client@time in ms, separated by commas or new lines (at most ${formatNumber(MAX_OWN_CALLS)}); a client's times never decrease.`,
  example: 'alice@0, alice@500, alice@900, alice@1000, bob@1000',
};

/**
 * The form of a per-client limiter `new X(first, second)` with `allowRequest(clientId, timestamp)`
 * calls: two whole-number parameters and the calls.
 */
function limiterForm<Case>(
  first: WholeNumberParameter,
  second: WholeNumberParameter,
  build: (first: number, second: number, calls: TimedCall[]) => Case,
): OwnCaseForm<Case> {
  return {
    fields: [wholeNumberField(first), wholeNumberField(second), CALLS_FIELD],
    expectedHelp: 'true or false for each call, in order (optional).',
    parse: (draft) =>
      parseWith(
        draft,
        (field) => {
          const a = field(first.key, (t) => parseWholeNumber(t, first.min, first.max));
          const b = field(second.key, (t) => parseWholeNumber(t, second.min, second.max));
          const calls = field(CALLS_FIELD.key, parseTimedCalls);
          if (a === undefined || b === undefined || calls === undefined) return null;
          return { challengeCase: build(a, b, calls), callCount: calls.length };
        },
        parseBooleanAnswers,
      ),
  };
}

/** `new RateLimiter(maxRequests, windowMs)`. */
export const SLIDING_WINDOW_FORM = limiterForm(
  { key: 'maxRequests', min: 1, max: 100_000, example: '2' },
  { key: 'windowMs', min: 1, max: 86_400_000, example: '1000' },
  (maxRequests, windowMs, calls) => ({ maxRequests, windowMs, calls }),
);

/** `new TokenBucket(capacity, refillPerSecond)`. */
export const TOKEN_BUCKET_FORM = limiterForm(
  { key: 'capacity', min: 1, max: 100_000, example: '2' },
  { key: 'refillPerSecond', min: 1, max: 1000, example: '1' },
  (capacity, refillPerSecond, calls) => ({ capacity, refillPerSecond, calls }),
);

const MAX_ROUTES = 100;
const MAX_PATH_CHARS = 500;

/** Routes written one per line, `/api/users = http://user-service:3001`. */
function parseRoutes(text: string): Parsed<Record<string, string>> {
  const lines = textLines(text);
  if (lines.length > MAX_ROUTES)
    return { ok: false, problem: `${lines.length} routes: at most ${MAX_ROUTES}.` };
  const routes: Record<string, string> = {};
  for (const [i, line] of lines.entries()) {
    const found = /^(\/\S*)\s*=\s*(\S.*)$/.exec(line);
    if (found === null) {
      return {
        ok: false,
        problem: `Line ${i + 1}, "${line.slice(0, 50)}", is not path = URL: write e.g. /api/users = http://user-service:3001.`,
      };
    }
    const key = found[1] as string;
    if (Object.hasOwn(routes, key))
      return { ok: false, problem: `Line ${i + 1}: the key ${key} is already in the table.` };
    routes[key] = (found[2] as string).trim();
  }
  return { ok: true, value: routes };
}

/** Paths looked up, one per line, each starting with `/`. */
function parsePaths(text: string): Parsed<string[]> {
  const paths = textLines(text);
  if (paths.length === 0)
    return { ok: false, problem: 'Add at least one path, e.g. /api/users/7.' };
  if (paths.length > MAX_OWN_CALLS)
    return { ok: false, problem: `${paths.length} paths: a case holds at most ${MAX_OWN_CALLS}.` };
  const bad = paths.findIndex(
    (p) => !p.startsWith('/') || p.length > MAX_PATH_CHARS || /\s/.test(p),
  );
  if (bad !== -1) {
    return {
      ok: false,
      problem: `Line ${bad + 1}, "${(paths[bad] as string).slice(0, 50)}", is not a path: it starts with / and has no spaces (at most ${MAX_PATH_CHARS} characters).`,
    };
  }
  return { ok: true, value: paths };
}

/** `findRoute(path, routes)` over a table of routes. */
export const PREFIX_ROUTER_FORM: OwnCaseForm<{
  readonly routes: Readonly<Record<string, string>>;
  readonly paths: readonly string[];
}> = {
  fields: [
    {
      key: 'routes',
      label: 'routes',
      multiline: true,
      help: `One route per line, path = URL (at most ${MAX_ROUTES}); no lines: an empty table.`,
      example: '/api/users = http://user-service:3001\n/api = http://fallback:3000',
    },
    {
      key: 'paths',
      label: 'paths',
      multiline: true,
      help: `One request path per line (at most ${formatNumber(MAX_OWN_CALLS)}).`,
      example: '/api/users/7\n/api/usersX\n/health',
    },
  ],
  expectedHelp: 'One answer per path, in order: a URL, or null (optional).',
  parse: (draft) =>
    parseWith(
      draft,
      (field) => {
        const routes = field('routes', parseRoutes);
        const paths = field('paths', parsePaths);
        if (routes === undefined || paths === undefined) return null;
        return { challengeCase: { routes, paths }, callCount: paths.length };
      },
      parseTextAnswers,
    ),
};

import { matchRoute, type Route } from '../engine';

/**
 * Judging the learner's `findRoute` for experiment 4. The worker only reports what the code
 * returned; what counts as right is decided here, on the page, from the engine's own matcher.
 */

/** The learner's answers: request path → what `findRoute` returned (null for "no route"). */
export type LookupAnswers = ReadonlyMap<string, string | null>;

/**
 * Paths that show whether a lookup respects segments: for each route, the path itself, one
 * below it, and one that only shares its letters (`/api/usersX`).
 */
export function probePaths(routes: readonly Route[]): string[] {
  const paths = routes.flatMap((route) => {
    const base = route.path.endsWith('/') ? route.path.slice(0, -1) : route.path;
    return [route.path, `${base}/1`, `${base}X`];
  });
  return [...new Set(paths)];
}

/**
 * A returned value that is not a service URL of the table: the learner's mistake, in a sentence
 * (e.g. returning the route key instead of `routes[key]`). Null when every answer is a URL or null.
 */
export function returnedValueMistake(
  routes: readonly Route[],
  answers: LookupAnswers,
): string | null {
  const urls = new Set(routes.map((route) => route.serviceUrl));
  const keys = new Set(routes.map((route) => route.path));
  for (const [path, answer] of answers) {
    if (answer === null || urls.has(answer)) continue;
    const why = keys.has(answer)
      ? 'a key of routes, not a service URL: return routes[key], the URL it maps to'
      : 'not one of the service URLs in routes';
    return `findRoute("${path}") returned "${answer}", which is ${why}.`;
  }
  return null;
}

/**
 * A path the lookup sends somewhere a segment-aware prefix match would not (the naive
 * `path.startsWith(key)` sends `/api/usersX` to the user service), in a sentence; or null.
 */
export function boundaryMistake(routes: readonly Route[], answers: LookupAnswers): string | null {
  const asPrefixes = routes.map((route) => ({ ...route, match: 'prefix' as const }));
  for (const [path, answer] of answers) {
    if (answer === null) continue;
    const expected = matchRoute(asPrefixes, path);
    if (expected?.serviceUrl === answer) continue;
    const near = routes.find((route) => path.startsWith(route.path));
    return (
      `your findRoute sends ${path} to ${answer}` +
      (near === undefined
        ? ', but no route covers that path.'
        : `, but ${path} is not below ${near.path}: a prefix only matches up to a “/” (or the whole path).`)
    );
  }
  return null;
}

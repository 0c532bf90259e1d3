import type { Route } from '../engine';

/**
 * The router stage's routes in a few words, saying when they are all exact matches: the
 * playground starts that way, so `/api/users/123` is a 404 until experiment 4 adds prefixes.
 */
export function routesSummary(routes: readonly Route[]): string {
  const count = `${routes.length} ${routes.length === 1 ? 'route' : 'routes'}`;
  if (routes.length > 0 && routes.every((route) => route.match === 'exact')) {
    return `${count}, exact match`;
  }
  return count;
}

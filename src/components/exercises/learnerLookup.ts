import {
  pathOnly,
  routeMatches,
  type Route,
  type RouteLookup,
  type TrafficRequest,
} from '../../engine';

import type { LookupAnswers } from '../../content/lookupAnswers';

export type { LookupAnswers };

/** The routing table as the learner's `findRoute(path, routes)` receives it. */
export function routesAsTable(routes: readonly Route[]): Record<string, string> {
  return Object.fromEntries(routes.map((route) => [route.path, route.serviceUrl]));
}

/** The distinct request paths (without query) in `traffic` that have no answer yet. */
export function unansweredPaths(
  traffic: readonly TrafficRequest[],
  answers: LookupAnswers,
): string[] {
  const paths = new Set(traffic.map((request) => pathOnly(request.path)));
  return [...paths].filter((path) => !answers.has(path));
}

/** Where produced routes are recorded (a WeakSet will do). */
export interface RouteRecorder {
  add(route: Route): unknown;
}

/**
 * A RouteLookup that answers from the learner's results. Every Route it returns is recorded in
 * `produced`, so a check can tell the learner's routing from the built-in one. The route's path is
 * the routing-table key that maps to the answered service (the longest one the path starts with),
 * or the request path when none does.
 */
export function learnerRouteLookup(
  answers: LookupAnswers,
  routes: readonly Route[],
  produced: RouteRecorder,
): RouteLookup {
  const cache = new Map<string, Route>();
  return (requestPath) => {
    const path = pathOnly(requestPath);
    const serviceUrl = answers.get(path);
    if (serviceUrl === undefined || serviceUrl === null) return null;
    const cacheKey = `${path} ${serviceUrl}`;
    const known = cache.get(cacheKey);
    if (known !== undefined) return known;
    const keys = routes
      // The engine's segment-aware prefix rule: /api/users covers /api/users/1, not /api/usersX.
      .filter(
        (route) =>
          route.serviceUrl === serviceUrl && routeMatches({ ...route, match: 'prefix' }, path),
      )
      .map((route) => route.path)
      .sort((a, b) => b.length - a.length);
    const route: Route = { path: keys[0] ?? path, serviceUrl, match: 'prefix' };
    produced.add(route);
    cache.set(cacheKey, route);
    return route;
  };
}

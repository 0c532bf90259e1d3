import fc from 'fast-check';
import { pathOnly, routeMatches } from '../../engine';
import { PREFIX_ROUTER_CONTENT } from '../../content/challenges/prefixRouter';
import { PREFIX_ROUTER_FORM } from '../ownCases/forms';
import type { ChallengeDefinition, GradedCase } from './types';

/** A routing table and the paths looked up in it, one findRoute(path, routes) call each. */
export interface PrefixRouterCase {
  readonly routes: Readonly<Record<string, string>>;
  readonly paths: readonly string[];
}

/** The key chosen for `path`: an exact key, else the longest prefix key (engine's segment rule). */
function chosenKey(routes: Readonly<Record<string, string>>, path: string): string | null {
  const requestPath = pathOnly(path);
  if (Object.hasOwn(routes, requestPath)) return requestPath;
  let best: string | null = null;
  for (const key of Object.keys(routes)) {
    const matches = routeMatches({ path: key, serviceUrl: '', match: 'prefix' }, requestPath);
    if (matches && (best === null || key.length > best.length)) best = key;
  }
  return best;
}

function findRouteReference(c: PrefixRouterCase): (string | null)[] {
  return c.paths.map((path) => {
    const key = chosenKey(c.routes, path);
    return key === null ? null : (c.routes[key] ?? null);
  });
}

const TABLE = {
  '/api/users': 'http://user-service:3001',
  '/api/orders': 'http://order-service:3002',
  '/api': 'http://api-gateway-fallback:3000',
};

function gradedCases(): GradedCase<PrefixRouterCase>[] {
  const cases: [string, boolean, PrefixRouterCase][] = [
    [
      'Sample 1: exact keys and prefixes',
      true,
      { routes: TABLE, paths: ['/api/users', '/api/users/7', '/api/orders/12/items', '/health'] },
    ],
    [
      'Sample 2: the query string is ignored',
      true,
      { routes: TABLE, paths: ['/api/users?page=2', '/api/orders?id=/api/users'] },
    ],
    [
      'segment boundaries',
      false,
      { routes: TABLE, paths: ['/api/usersX', '/api/users-admin', '/apiv2', '/api/'] },
    ],
    [
      'longest prefix wins, whatever the key order',
      false,
      {
        routes: {
          '/': 'http://default:80',
          '/a': 'http://a:1',
          '/a/b/c': 'http://abc:3',
          '/a/b': 'http://ab:2',
        },
        paths: ['/a/b/c/d', '/a/b/x', '/a/bc', '/z', '/'],
      },
    ],
    [
      'a trailing slash on a key',
      false,
      {
        routes: { '/static/': 'http://files:8080' },
        paths: ['/static', '/static/app.js', '/staticX'],
      },
    ],
    [
      'no route matches',
      false,
      { routes: { '/api/users': 'http://user-service:3001' }, paths: ['/', '/api', '/users'] },
    ],
    ['an empty table', false, { routes: {}, paths: ['/api/users', '/'] }],
    [
      'many routes (300) and lookups (3,000)',
      false,
      {
        routes: Object.fromEntries(
          Array.from({ length: 300 }, (_, i) => [
            `/svc/${i % 30}/v${Math.floor(i / 30)}`,
            `http://svc-${i}:80`,
          ]),
        ),
        paths: Array.from({ length: 3000 }, (_, i) => `/svc/${i % 31}/v${i % 11}/item/${i}`),
      },
    ],
  ];
  return cases.map(([name, visible, challengeCase]) => ({ name, visible, challengeCase }));
}

const segment = fc.constantFrom('api', 'users', 'user', 'orders', 'v1', 'a', 'ab');
const keyPath = fc
  .array(segment, { minLength: 0, maxLength: 3 })
  .chain((segments) =>
    fc.constantFrom(
      `/${segments.join('/')}`,
      `/${segments.join('/')}${segments.length > 0 ? '/' : ''}`,
    ),
  );
const requestPath = fc
  .record({
    segments: fc.array(segment, { minLength: 0, maxLength: 4 }),
    glued: fc.constantFrom('', '', 'X', 's'),
    query: fc.constantFrom('', '', '?page=2', '?next=/api/users'),
  })
  .map(
    ({ segments, glued, query }) =>
      `/${segments.join('/')}${segments.length > 0 ? glued : ''}${query}`,
  );

const routerCases: fc.Arbitrary<PrefixRouterCase> = fc
  .record({
    keys: fc.uniqueArray(keyPath, { maxLength: 6 }),
    paths: fc.array(requestPath, { minLength: 1, maxLength: 6 }),
  })
  .map(({ keys, paths }) => ({
    routes: Object.fromEntries(keys.map((key, i) => [key, `http://service-${i}:300${i}`])),
    paths,
  }));

/** `function findRoute(path, routes)`: the URL of the route for `path`, or null. */
export const prefixRouterChallenge: ChallengeDefinition<PrefixRouterCase> = {
  id: 'prefix-router',
  entry: { kind: 'function', name: 'findRoute', output: 'string-or-null' },
  content: PREFIX_ROUTER_CONTENT,
  gradedCases,
  random: { arbitrary: routerCases, seed: 20_261_203, count: 1000 },
  toTrace: (c) => ({ construct: [], calls: c.paths.map((path) => [path, c.routes]) }),
  expected: findRouteReference,
  callText: (c, index) => `findRoute(${JSON.stringify(c.paths[index] ?? '')}, routes)`,
  ownCase: PREFIX_ROUTER_FORM,
  settingsText: (c) => `routes ${JSON.stringify(c.routes)}`,
  whyExpected: (c, index) => {
    const path = c.paths[index] ?? '';
    const key = chosenKey(c.routes, path);
    if (key === null)
      return `no key matches ${JSON.stringify(pathOnly(path))} at a segment boundary.`;
    const how =
      key === pathOnly(path)
        ? 'is an exact key'
        : `is the longest key it starts with at a segment boundary`;
    return `${JSON.stringify(key)} ${how}.`;
  },
};

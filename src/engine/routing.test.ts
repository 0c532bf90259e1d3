import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matchRoute,
  pathOnly,
  routeMatches,
  routePathProblem,
  serviceName,
  type Route,
} from './routing';

const prefix = (path: string, serviceUrl = `http://svc${path.replace(/\W/g, '-')}`): Route => ({
  path,
  serviceUrl,
  match: 'prefix',
});
const exact = (path: string, serviceUrl = `http://exact${path.replace(/\W/g, '-')}`): Route => ({
  path,
  serviceUrl,
  match: 'exact',
});

describe('routeMatches', () => {
  const users = prefix('/api/users');

  it.each([
    '/api/users',
    '/api/users/',
    '/api/users/123',
    '/api/users/123/orders',
    '/api/users?x=1',
  ])('prefix /api/users matches %s', (path) => expect(routeMatches(users, path)).toBe(true));

  it.each(['/api/usersX', '/api/user', '/api', '/API/users', '/other/api/users'])(
    'prefix /api/users does not match %s',
    (path) => expect(routeMatches(users, path)).toBe(false),
  );

  it('a prefix written with a trailing slash is the same prefix', () => {
    const withSlash = prefix('/api/users/');
    expect(routeMatches(withSlash, '/api/users')).toBe(true);
    expect(routeMatches(withSlash, '/api/users/7')).toBe(true);
    expect(routeMatches(withSlash, '/api/usersX')).toBe(false);
  });

  it('exact routes match only the path itself (query and fragment ignored)', () => {
    const health = exact('/health');
    expect(routeMatches(health, '/health')).toBe(true);
    expect(routeMatches(health, '/health?verbose=1')).toBe(true);
    expect(routeMatches(health, '/health#top')).toBe(true);
    expect(routeMatches(health, '/health/')).toBe(false);
    expect(routeMatches(health, '/health/db')).toBe(false);
  });

  it("route '/' catches every path", () => {
    for (const path of ['/', '/x', '/api/users/1', '/?q=1']) {
      expect(routeMatches(prefix('/'), path)).toBe(true);
    }
  });
});

describe('matchRoute', () => {
  it('returns null when nothing matches', () => {
    expect(matchRoute([prefix('/api/users')], '/api/orders')).toBeNull();
    expect(matchRoute([], '/')).toBeNull();
  });

  it('the longest matching prefix wins, whatever the order', () => {
    const api = prefix('/api');
    const users = prefix('/api/users');
    const admins = prefix('/api/users/admins');
    for (const routes of [
      [api, users, admins],
      [admins, users, api],
      [users, admins, api],
    ]) {
      expect(matchRoute(routes, '/api/users/admins/1')).toBe(admins);
      expect(matchRoute(routes, '/api/users/7')).toBe(users);
      expect(matchRoute(routes, '/api/usersX')).toBe(api);
      expect(matchRoute(routes, '/api')).toBe(api);
    }
  });

  it('an exact route beats any prefix, even a longer one listed first', () => {
    const me = exact('/api/users/me');
    const users = prefix('/api/users');
    const deeper = prefix('/api/users/me');
    expect(matchRoute([users, deeper, me], '/api/users/me')).toBe(me);
    expect(matchRoute([users, deeper, me], '/api/users/me/photo')).toBe(deeper);
  });

  it("'/' is the fallback when nothing longer matches", () => {
    const root = prefix('/');
    const users = prefix('/api/users');
    expect(matchRoute([root, users], '/api/users/1')).toBe(users);
    expect(matchRoute([root, users], '/anything')).toBe(root);
  });

  it('ignores the query string and fragment', () => {
    const users = prefix('/api/users');
    expect(matchRoute([users], '/api/users?redirect=/api/orders')).toBe(users);
    expect(matchRoute([prefix('/api/orders')], '/api/users?redirect=/api/orders')).toBeNull();
    expect(matchRoute([users], '/api/users#section')).toBe(users);
  });
});

describe('route paths and names', () => {
  it('pathOnly cuts the query string or fragment, whichever comes first', () => {
    expect(pathOnly('/a/b?x=1#f')).toBe('/a/b');
    expect(pathOnly('/a#f?x')).toBe('/a');
    expect(pathOnly('/a')).toBe('/a');
  });

  it('pathOnly agrees with cutting at the first match of /[?#]/, on any string', () => {
    const cutByRegex = (path: string) => {
      const cut = path.search(/[?#]/);
      return cut === -1 ? path : path.slice(0, cut);
    };
    const pathChars = fc.constantFrom('/', 'a', '?', '#', '%', '.', 'é', '😀');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: pathChars })), (path) => {
        expect(pathOnly(path)).toBe(cutByRegex(path));
      }),
      { seed: 9, numRuns: 500 },
    );
  });

  it.each([
    ['', /empty/],
    ['api/users', /start with "\/"/],
    ['/api/my users', /spaces/],
    ['/api/users\t', /spaces/],
    ['/api?x=1', /"\?" or "#"/],
    ['/api#x', /"\?" or "#"/],
    ['/api//users', /"\/\/"/],
  ])('routePathProblem(%j) explains the problem', (path, message) => {
    expect(routePathProblem(path)).toMatch(message);
  });

  it.each(['/', '/api/users', '/api/users/', '/v1/users-2_x.json'])('accepts %s', (path) => {
    expect(routePathProblem(path)).toBeNull();
  });

  it('serviceName takes the host from the service URL', () => {
    expect(serviceName('http://user-service:3001')).toBe('user-service');
    expect(serviceName('https://orders.internal/v1')).toBe('orders.internal');
    expect(serviceName('payment-service')).toBe('payment-service');
  });
});

import { describe, expect, it } from 'vitest';
import { type NginxLocation, matchNginxLocation } from './nginxLocation';

const LOCATIONS: readonly NginxLocation[] = [
  { path: '/', exact: false, proxies: false },
  { path: '/api/users/', exact: false, proxies: true },
  { path: '/api/orders', exact: false, proxies: true },
  { path: '/api/orders/archive', exact: false, proxies: true },
  { path: '/health', exact: true, proxies: true },
  { path: '/api/orders', exact: true, proxies: false },
];

const chosen = (path: string, args: string | null = null): string => {
  const match = matchNginxLocation(LOCATIONS, path, args);
  if (match.kind === 'none') return 'none';
  if (match.kind === 'redirect') return `301 ${match.to}`;
  return `${match.location.exact ? '= ' : ''}${match.location.path}`;
};

describe('matchNginxLocation', () => {
  it.each([
    ['/api/users/7', '/api/users/'],
    ['/api/users/', '/api/users/'],
    ['/api/users', '301 /api/users/'],
    ['/api/usersX', '/'],
    ['/api/Users/7', '/'],
    ['/api/orders', '= /api/orders'], // `=` beats the prefix of the same name
    ['/api/orders/1', '/api/orders'],
    ['/api/ordersX', '/api/orders'], // a plain string prefix
    ['/api/orders/archive/2', '/api/orders/archive'], // the longest prefix wins
    ['/health', '= /health'],
    ['/health/x', '/'],
    ['/nothing', '/'],
  ])('%s → %s', (path, expected) => {
    expect(chosen(path)).toBe(expected);
  });

  it('keeps the query string in the redirect', () => {
    expect(chosen('/api/users', 'page=2')).toBe('301 /api/users/?page=2');
    expect(chosen('/api/users', '')).toBe('301 /api/users/');
  });

  it('does not redirect to a location that only answers itself, or when a location has the name', () => {
    const own = [{ path: '/docs/', exact: false, proxies: false }];
    expect(matchNginxLocation(own, '/docs')).toEqual({ kind: 'none' });
    const both = [
      { path: '/docs/', exact: false, proxies: true },
      { path: '/docs', exact: false, proxies: false },
    ];
    expect(matchNginxLocation(both, '/docs')).toEqual({ kind: 'location', location: both[1] });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Gateway, type GatewaySettings } from './gateway';
import { PROFILES, PROFILE_NAMES } from './profiles';
import type { Route } from './routing';

const SETTINGS: Partial<GatewaySettings> = {
  keyMode: 'presence',
  maxRequests: 1_000_000,
  windowMs: 1000,
};

const ROUTES: readonly Route[] = [
  { path: '/api/users', serviceUrl: 'http://user-service:3001', match: 'prefix' },
  { path: '/api/users/', serviceUrl: 'http://users-slash', match: 'prefix' },
  { path: '/api', serviceUrl: 'http://api', match: 'prefix' },
  { path: '/api/orders', serviceUrl: 'http://order-service', match: 'exact' },
  { path: '/', serviceUrl: 'http://root', match: 'prefix' },
  { path: '/s', serviceUrl: 'http://s', match: 'prefix' },
];
const PATHS = [
  '/api/users',
  '/api/users/',
  '/api/users/7?x=1',
  '/api/usersX',
  '/api/orders',
  '/api/orders/1',
  '/api//users/../orders',
  '/s',
  '/s/',
  '/nope#f',
  '/',
];

type Step = { readonly add: number } | { readonly remove: number } | { readonly path: number };

/**
 * Routes are remembered by path until they change (Gateway.routeOf): a gateway that has seen a
 * long history must route each request as a fresh gateway with the same routes, seeing it first.
 */
describe('remembered routes', () => {
  it.each(PROFILE_NAMES)(
    '%s: a request routes as on a fresh gateway with the same routes',
    (name) => {
      const profile = PROFILES[name];
      const step: fc.Arbitrary<Step> = fc.oneof(
        { weight: 1, arbitrary: fc.record({ add: fc.nat(ROUTES.length - 1) }) },
        { weight: 1, arbitrary: fc.record({ remove: fc.nat(ROUTES.length - 1) }) },
        { weight: 6, arbitrary: fc.record({ path: fc.nat(PATHS.length - 1) }) },
      );
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
          const gateway = new Gateway(SETTINGS, [], profile);
          let atMs = 0;
          for (const s of steps) {
            if ('add' in s) {
              const route = ROUTES[s.add] as Route;
              if (!gateway.getRoutes().includes(route)) {
                try {
                  gateway.addRoute(route);
                } catch {
                  // A path already routed (`/api/users/` and `/api/users`): not added, as before.
                }
              }
            } else if ('remove' in s) {
              gateway.removeRoute((ROUTES[s.remove] as Route).path);
            } else {
              const request = { path: PATHS[s.path] as string, apiKey: 'k' };
              const fresh = new Gateway(SETTINGS, gateway.getRoutes(), profile);
              const seen = gateway.handle(request, atMs);
              const first = fresh.handle(request, atMs);
              expect(seen.route).toBe(first.route);
              expect([seen.status, seen.body, seen.decidedBy]).toEqual([
                first.status,
                first.body,
                first.decidedBy,
              ]);
              // The quota left differs (the fresh gateway has counted nothing): every other stage agrees.
              const routing = (stages: typeof seen.stages) =>
                stages.filter((record) => record.stage !== 'rate-limit');
              expect(routing(seen.stages)).toEqual(routing(first.stages));
              atMs += 10;
            }
          }
        }),
        { seed: 11, numRuns: 150 },
      );
    },
  );
});

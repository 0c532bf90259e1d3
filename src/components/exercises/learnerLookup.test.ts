import { describe, expect, it } from 'vitest';
import type { Route } from '../../engine';
import { INITIAL_ROUTES } from '../../content/services';
import { learnerRouteLookup } from './learnerLookup';

const USERS = 'http://user-service:3001';

describe('learnerRouteLookup', () => {
  const answers = new Map<string, string | null>([
    ['/api/users/123', USERS],
    ['/api/usersX', USERS],
    ['/api/nowhere', null],
  ]);
  const lookup = learnerRouteLookup(answers, INITIAL_ROUTES, new WeakSet<Route>());

  it('names the route that covers a path below it', () => {
    expect(lookup('/api/users/123?x=1')).toMatchObject({ path: '/api/users', serviceUrl: USERS });
  });

  it('does not call /api/usersX a path below /api/users (segments, as the engine matches)', () => {
    expect(lookup('/api/usersX')).toMatchObject({ path: '/api/usersX', serviceUrl: USERS });
  });

  it('answers null where the learner said "no route", and for paths it was not asked', () => {
    expect(lookup('/api/nowhere')).toBeNull();
    expect(lookup('/api/orders')).toBeNull();
  });
});

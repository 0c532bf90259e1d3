import { describe, expect, it } from 'vitest';
import { boundaryMistake, probePaths, returnedValueMistake } from './lookupAnswers';
import { INITIAL_ROUTES } from './services';

const USERS = 'http://user-service:3001';

describe('judging the learner’s findRoute', () => {
  it('probes each route, a path below it and one that only shares its letters', () => {
    expect(probePaths(INITIAL_ROUTES)).toEqual(
      expect.arrayContaining(['/api/users', '/api/users/1', '/api/usersX']),
    );
  });

  it('calls returning the route key the learner’s mistake, naming the fix', () => {
    const answers = new Map([['/api/users/123', '/api/users']]);
    expect(returnedValueMistake(INITIAL_ROUTES, answers)).toBe(
      'findRoute("/api/users/123") returned "/api/users", which is a key of routes, not a service URL: return routes[key], the URL it maps to.',
    );
    expect(returnedValueMistake(INITIAL_ROUTES, new Map([['/x', 'http://nowhere']]))).toContain(
      'not one of the service URLs',
    );
  });

  it('accepts service URLs and null', () => {
    const answers = new Map<string, string | null>([
      ['/api/users/1', USERS],
      ['/nowhere', null],
    ]);
    expect(returnedValueMistake(INITIAL_ROUTES, answers)).toBeNull();
    expect(boundaryMistake(INITIAL_ROUTES, answers)).toBeNull();
  });

  it('finds a prefix without the "/" boundary', () => {
    const answers = new Map([['/api/usersX', USERS]]);
    expect(boundaryMistake(INITIAL_ROUTES, answers)).toBe(
      'your findRoute sends /api/usersX to http://user-service:3001, but /api/usersX is not below /api/users: a prefix only matches up to a “/” (or the whole path).',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { MODEL_SOLUTION } from '../content/challenge/modelSolution';
import { limiterDecisions, routeLookup } from './jobs';
import { isWorkerMessage } from './validate';

const ROUTES = {
  '/api/users': 'http://user-service:3001',
  '/api/orders': 'http://order-service:3002',
};

describe('routeLookup', () => {
  it('runs the learner findRoute over every path', () => {
    const source = `function findRoute(path: string, routes: Record<string, string>) {
  const hit = Object.keys(routes).find((p) => path === p || path.startsWith(p + '/'));
  return hit ? routes[hit] : null;
}`;
    const result = routeLookup(source, ROUTES, ['/api/users/7', '/api/orders', '/nope']);
    expect(result).toEqual({
      ok: true,
      logs: [],
      results: {
        '/api/users/7': 'http://user-service:3001',
        '/api/orders': 'http://order-service:3002',
        '/nope': null,
      },
    });
  });

  it('reports a throw with its line, and a wrong return type', () => {
    const throwing = `function findRoute(path, routes) {\n  return routes.missing.x;\n}`;
    expect(routeLookup(throwing, ROUTES, ['/a'])).toMatchObject({
      ok: false,
      problem: { kind: 'runtime', line: 2 },
    });
    const wrongType = `function findRoute() { return 42; }`;
    expect(routeLookup(wrongType, ROUTES, ['/a'])).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/returned number/) },
    });
  });

  it('says when findRoute is missing', () => {
    expect(routeLookup('function findroute() {}', ROUTES, ['/a'])).toMatchObject({
      ok: false,
      problem: { kind: 'missing' },
    });
  });
});

describe('limiterDecisions', () => {
  it('answers every call from one fresh instance', () => {
    const calls = [0, 1, 2].map((t) => ({ clientId: 'abc123', timestampMs: t }));
    expect(limiterDecisions(MODEL_SOLUTION, 2, 1000, calls)).toEqual({
      ok: true,
      decisions: [true, true, false],
      logs: [],
    });
  });
});

describe('isWorkerMessage', () => {
  it('rejects messages for another run or with the wrong shape', () => {
    const good = { type: 'progress', requestId: 3, step: 'basic limit' };
    expect(isWorkerMessage(good, 3)).toBe(true);
    expect(isWorkerMessage(good, 4)).toBe(false);
    expect(
      isWorkerMessage({ type: 'grade-done', requestId: 3, observations: { passed: true } }, 3),
    ).toBe(false);
    expect(
      isWorkerMessage(
        {
          type: 'decisions-done',
          requestId: 3,
          result: { ok: true, decisions: ['yes'], logs: [] },
        },
        3,
      ),
    ).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { MODEL_SOLUTION } from '../content/challenge/modelSolution';
import type { LimiterCall } from './types';
import { runJob } from './jobs';
import { isLearnerReply, isTraceRun } from './learnerReplies';
import { startNodeLearner } from './nodeLearner';

async function routeLookup(source: string, routes: Record<string, string>, paths: string[]) {
  const outcome = await runJob(
    { kind: 'route-lookup', source, routes, paths },
    startNodeLearner,
    2000,
  );
  return outcome.kind === 'routes' ? outcome.result : outcome;
}

async function limiterDecisions(
  source: string,
  maxRequests: number,
  windowMs: number,
  calls: LimiterCall[],
) {
  const outcome = await runJob(
    { kind: 'limiter-decisions', source, maxRequests, windowMs, calls },
    startNodeLearner,
    2000,
  );
  return outcome.kind === 'decisions' ? outcome.result : outcome;
}

const ROUTES = {
  '/api/users': 'http://user-service:3001',
  '/api/orders': 'http://order-service:3002',
};

describe('routeLookup', { timeout: 20_000 }, () => {
  it('runs the learner findRoute over every path', async () => {
    const source = `function findRoute(path: string, routes: Record<string, string>) {
  const hit = Object.keys(routes).find((p) => path === p || path.startsWith(p + '/'));
  return hit ? routes[hit] : null;
}`;
    const result = await routeLookup(source, ROUTES, ['/api/users/7', '/api/orders', '/nope']);
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

  it('reports a throw with its line, and a wrong return type', async () => {
    const throwing = `function findRoute(path, routes) {\n  return routes.missing.x;\n}`;
    expect(await routeLookup(throwing, ROUTES, ['/a'])).toMatchObject({
      ok: false,
      problem: { kind: 'runtime', line: 2 },
    });
    const wrongType = `function findRoute() { return 42; }`;
    expect(await routeLookup(wrongType, ROUTES, ['/a'])).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/returned number/) },
    });
  });

  it('says when findRoute is missing', async () => {
    expect(await routeLookup('function findroute() {}', ROUTES, ['/a'])).toMatchObject({
      ok: false,
      problem: { kind: 'missing' },
    });
  });
});

describe('limiterDecisions', { timeout: 20_000 }, () => {
  it('answers every call from one fresh instance', async () => {
    const calls = [0, 1, 2].map((t) => ({ clientId: 'abc123', timestampMs: t }));
    expect(await limiterDecisions(MODEL_SOLUTION, 2, 1000, calls)).toEqual({
      ok: true,
      decisions: [true, true, false],
      logs: [],
    });
  });
});

describe('learner replies', () => {
  it('rejects replies for another request or with the wrong shape', () => {
    const good = { type: 'ran', id: 3, runs: [], logs: [], droppedLogs: 0 };
    expect(isLearnerReply(good, 3)).toBe(true);
    expect(isLearnerReply(good, 4)).toBe(false);
    expect(isLearnerReply({ ...good, logs: [1] }, 3)).toBe(false);
    expect(isLearnerReply({ ...good, droppedLogs: -1 }, 3)).toBe(false);
    expect(isTraceRun({ outputs: [true, 'yes', null], stop: null }, 3)).toBe(true);
    expect(isTraceRun({ outputs: [true, true], stop: null }, 1)).toBe(false);
    expect(isTraceRun({ outputs: [{}], stop: null }, 1)).toBe(false);
    expect(isTraceRun({ outputs: [], stop: { at: 'call', thrown: { isError: 'yes' } } }, 1)).toBe(
      false,
    );
  });
});

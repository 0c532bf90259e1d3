import { describe, expect, it } from 'vitest';
import { KEY, gatewayWith } from './testGateway.fixture';

describe('the request id stage', () => {
  it('numbers requests and sends the id to the service and back, refusals included', () => {
    const g = gatewayWith({ requestId: true });
    const first = g.handle({ path: '/api/users', apiKey: KEY }, 0);
    expect(first.headers['X-Request-Id']).toBe('req-000001');
    expect(first.forwarded?.headers['X-Request-Id']).toBe('req-000001');
    const refused = g.handle({ path: '/api/users' }, 1);
    expect(refused.status).toBe(401);
    expect(refused.headers['X-Request-Id']).toBe('req-000002');
    expect(refused.stages[0]).toEqual({
      stage: 'request-id',
      verdict: 'pass',
      note: 'id req-000002',
    });
  });

  it('keeps a correlation id the client sent', () => {
    const g = gatewayWith({ requestId: true });
    const decision = g.handle(
      { path: '/api/users', apiKey: KEY, headers: { 'X-Request-Id': 'trace-42' } },
      0,
    );
    expect(decision.headers['X-Request-Id']).toBe('trace-42');
    expect(decision.forwarded?.headers['X-Request-Id']).toBe('trace-42');
    expect(g.handle({ path: '/api/users', apiKey: KEY }, 1).headers['X-Request-Id']).toBe(
      'req-000001',
    );
  });

  it('off: no id header either way', () => {
    const decision = gatewayWith({}).handle({ path: '/api/users', apiKey: KEY }, 0);
    expect(decision.headers['X-Request-Id']).toBeUndefined();
    expect(decision.forwarded?.headers['X-Request-Id']).toBeUndefined();
  });
});

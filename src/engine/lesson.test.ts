import { describe, expect, it } from 'vitest';
import { APIGateway } from './index';

/** The lesson's four experiments, run against the engine. */
function lessonGateway(): APIGateway {
  const gateway = new APIGateway();
  gateway.registerRoute('/api/users', 'http://user-service:3001');
  gateway.registerRoute('/api/orders', 'http://order-service:3002');
  return gateway;
}

describe('the lesson’s experiments', () => {
  it('rate limiting starts on the 6th request with the same key', () => {
    const gateway = lessonGateway();
    const statuses = Array.from(
      { length: 6 },
      (_, i) => gateway.handleRequest({ path: '/api/users', apiKey: 'abc123' }, 1000 + i).status,
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('a request without a key gets 401 before rate limiting and uses no quota', () => {
    const gateway = lessonGateway();
    const refused = gateway.handleRequest({ path: '/api/users' }, 0);
    expect(refused.status).toBe(401);
    expect(refused.decision.stages.map((s) => s.stage)).toEqual(['auth']);
    const limiter = gateway.core.getLimiter();
    expect(limiter.snapshot('', 0).remaining).toBe(5);
    for (let i = 0; i < 5; i++) {
      expect(gateway.handleRequest({ path: '/api/users', apiKey: 'abc123' }, i).status).toBe(200);
    }
  });

  it('routes a new /api/payments route to the payment service', () => {
    const gateway = lessonGateway();
    gateway.registerRoute('/api/payments', 'http://payment-service:3003');
    const response = gateway.handleRequest({ path: '/api/payments', apiKey: 'abc123' }, 0);
    expect(response.status).toBe(200);
    expect(response.decision.service).toBe('payment-service');
    expect(response.body).toContain('http://payment-service:3003/api/payments');
  });

  it('prefix routes send /api/users/123 to the user service', () => {
    const gateway = lessonGateway();
    const response = gateway.handleRequest({ path: '/api/users/123', apiKey: 'abc123' }, 0);
    expect(response.status).toBe(200);
    expect(response.decision.service).toBe('user-service');
  });
});

import { describe, expect, it } from 'vitest';
import { consumerId, stripRoutePrefix } from './transform';
import { KEY, gatewayWith } from './testGateway.fixture';

describe('the transform stage', () => {
  it('strips the route prefix, adds the consumer and removes the key; the decision has both requests', () => {
    const g = gatewayWith({
      transform: { stripPrefix: true, addConsumer: true, removeKey: true },
    });
    const decision = g.handle({ path: '/api/users/7?x=1', apiKey: KEY }, 0);
    expect(decision.status).toBe(200);
    expect(decision.body).toBe('Routed to http://user-service:3001/7');
    expect(decision.request).toEqual({ path: '/api/users/7?x=1', apiKey: KEY });
    expect(decision.method).toBe('GET');
    expect(decision.forwarded).toEqual({
      method: 'GET',
      path: '/7',
      headers: { 'X-Consumer-ID': consumerId(KEY) },
    });
    expect(decision.stages.at(-1)?.note).toBe(
      `path /api/users/7 → /7; X-Consumer-ID: ${consumerId(KEY)}; X-API-Key removed`,
    );
  });

  it('off: the service gets the path and the key as they arrived', () => {
    const decision = gatewayWith({}).handle({ path: '/api/users/7', apiKey: KEY }, 0);
    expect(decision.forwarded).toEqual({
      method: 'GET',
      path: '/api/users/7',
      headers: { 'X-API-Key': KEY },
    });
  });

  it('each part can be switched on its own', () => {
    const g = gatewayWith({
      transform: { stripPrefix: false, addConsumer: false, removeKey: true },
    });
    const decision = g.handle({ method: 'post', path: '/api/users', apiKey: KEY }, 0);
    expect(decision.forwarded).toEqual({ method: 'POST', path: '/api/users', headers: {} });
  });

  it('consumer ids are stable, differ by key, and never contain the key', () => {
    expect(consumerId('abc123')).toBe(consumerId('abc123'));
    expect(consumerId('abc123')).not.toBe(consumerId('web456'));
    expect(consumerId('abc123')).not.toContain('abc123');
  });

  it('stripRoutePrefix keeps a leading slash and leaves other paths alone', () => {
    expect(stripRoutePrefix('/api/users', '/api/users')).toBe('/');
    expect(stripRoutePrefix('/api/users/', '/api/users/')).toBe('/');
    expect(stripRoutePrefix('/api/users/7/x', '/api/users')).toBe('/7/x');
    expect(stripRoutePrefix('/other', '/api/users')).toBe('/other');
    expect(stripRoutePrefix('/api/users', '/')).toBe('/api/users');
  });
});

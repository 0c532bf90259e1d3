import { describe, expect, it } from 'vitest';
import { Gateway, Simulation, burst, mix } from '../../engine';
import { INITIAL_ROUTES } from '../../content/services';
import { countByStatus, summarise } from './statusCounts';

describe('countByStatus and summarise', () => {
  const simulation = new Simulation(new Gateway({}, INITIAL_ROUTES), { seed: 1 });
  simulation.send(
    mix(
      burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, 6, 0),
      burst({ clientId: 'script', apiKey: null, path: '/api/users' }, 1, 10),
    ),
  );
  const traces = simulation.runAll();

  it('counts the lesson burst as five 200 and one 429, plus the keyless 401', () => {
    expect(countByStatus(traces)).toEqual({ 200: 5, 401: 1, 404: 0, 429: 1 });
    expect(countByStatus(traces, 6)).toEqual({ 200: 0, 401: 1, 404: 0, 429: 0 });
  });

  it('summarises for screen readers', () => {
    expect(summarise(countByStatus(traces, 0, 6))).toBe('6 responses: 5 × 200, 1 × 429');
    expect(summarise(countByStatus(traces, 6))).toBe('1 response: 1 × 401');
    expect(summarise(countByStatus([]))).toBe('');
  });
});

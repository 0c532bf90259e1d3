import { describe, expect, it } from 'vitest';
import { Gateway, Simulation, burst, type RequestTrace } from '../../engine';
import { INITIAL_ROUTES } from '../../content/services';
import { packetPath } from './packetPath';

function traces(
  count: number,
  path = '/api/users',
  apiKey: string | null = 'abc123',
): RequestTrace[] {
  const gateway = new Gateway({ registeredKeys: ['abc123'] }, INITIAL_ROUTES);
  const simulation = new Simulation(gateway, { seed: 1 });
  simulation.send(burst({ clientId: 'mobile', apiKey, path }, count, 0));
  return simulation.runAll();
}

describe('packetPath', () => {
  it('takes an allowed request through all three stages to its service and back', () => {
    const [trace] = traces(1);
    const path = packetPath(trace as RequestTrace);
    const places = path.keyframes.map((k) =>
      k.at.kind === 'stage' ? k.at.stage : k.at.kind === 'service' ? k.at.service : 'client',
    );
    expect(places).toEqual([
      'client',
      'auth',
      'auth',
      'rate-limit',
      'rate-limit',
      'router',
      'router',
      'router',
      'user-service',
      'user-service',
      'router',
      'client',
    ]);
    const times = path.keyframes.map((k) => k.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times.at(-1)).toBe(trace?.respondedAtMs);
  });

  it('turns a rate-limited request back at the rate-limit stage', () => {
    const sixth = traces(6)[5] as RequestTrace;
    expect(sixth.decision.status).toBe(429);
    const path = packetPath(sixth);
    const stages = path.keyframes.filter((k) => k.at.kind === 'stage').map((k) => k.at);
    expect(stages.at(-1)).toEqual({ kind: 'stage', stage: 'rate-limit' });
    expect(path.keyframes.at(-1)?.at).toEqual({ kind: 'client', clientId: 'mobile' });
  });

  it('turns a request without a key back at auth', () => {
    const path = packetPath(traces(1, '/api/users', null)[0] as RequestTrace);
    expect(path.status).toBe(401);
    expect(path.keyframes.filter((k) => k.at.kind === 'stage')).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { burst, Gateway, Simulation } from '../../engine';
import { INITIAL_ROUTES, INITIAL_SETTINGS } from '../../content/services';
import { latestEvent, narrate } from './narration';

function sixFromMobile() {
  const simulation = new Simulation(new Gateway(INITIAL_SETTINGS, INITIAL_ROUTES), { seed: 1 });
  simulation.send(burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, 6, 0));
  return simulation.runAll();
}

describe('narration', () => {
  it('tells the latest event at a moment, not one still ahead', () => {
    const traces = sixFromMobile();
    expect(latestEvent(traces, -1)).toBeNull();
    const refused = traces.find((t) => t.decision.status === 429);
    const refusal = refused?.events.find((e) => e.type === 'stage' && e.verdict === 'refuse');
    expect(refusal).toBeDefined();
    const at = latestEvent(traces, refusal?.atMs ?? 0);
    expect(at?.event.atMs).toBe(refusal?.atMs);
    expect(narrate(at!.trace, at!.event)).toMatch(/refused at|passes|forwarded|serves|answered/);
  });

  it('says who was refused, where, with which status and why', () => {
    const traces = sixFromMobile();
    const refused = traces.find((t) => t.decision.status === 429)!;
    const refusal = refused.events.find((e) => e.type === 'stage' && e.verdict === 'refuse')!;
    expect(narrate(refused, refusal)).toMatch(
      new RegExp(
        `^Request #${refused.id} is refused at Rate limit with 429 Too Many Requests: .+\\.$`,
      ),
    );
    const answered = traces[0]!;
    const last = answered.events.at(-1)!;
    expect(narrate(answered, last)).toBe(`Request #${answered.id} is answered 200 OK.`);
  });
});

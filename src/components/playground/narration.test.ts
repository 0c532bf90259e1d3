import { describe, expect, it } from 'vitest';
import {
  burst,
  Gateway,
  Simulation,
  spread,
  type RequestTrace,
  type SimEvent,
  type TrafficRequest,
} from '../../engine';
import { INITIAL_ROUTES, INITIAL_SETTINGS } from '../../content/services';
import {
  applyPipeline,
  PIPELINE_DEFAULTS,
  PIPELINE_OFF,
  type PipelineConfig,
} from '../../store/pipeline';
import { BALANCED as balanced } from '../../store/pipeline.fixture';
import { LatestEvent } from './latestEvent';
import { narrate, narrationContext } from './narration';

const mobile = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };

/** A playground gateway with `config`, its simulation, and every request decided by `untilMs`. */
function run(
  config: PipelineConfig,
  sends: readonly (readonly TrafficRequest[])[],
  untilMs: number,
  prepare: (gateway: Gateway) => void = () => undefined,
) {
  const gateway = new Gateway({ ...INITIAL_SETTINGS, maxRequests: 100 }, INITIAL_ROUTES);
  applyPipeline(gateway, config);
  prepare(gateway);
  const simulation = new Simulation(gateway, { seed: 7 });
  for (const traffic of sends) simulation.send(traffic);
  const traces = simulation.advanceTo(untilMs);
  return { gateway, simulation, traces };
}

function eventOf(trace: RequestTrace, test: (e: SimEvent) => boolean): SimEvent {
  const event = trace.events.find(test);
  if (event === undefined) throw new Error(`request #${trace.id} has no such event`);
  return event;
}

const stageEvent = (stage: string) => (e: SimEvent) => e.type === 'stage' && e.stage === stage;

function sixFromMobile() {
  const simulation = new Simulation(new Gateway(INITIAL_SETTINGS, INITIAL_ROUTES), { seed: 1 });
  simulation.send(burst(mobile, 6, 0));
  return simulation.runAll();
}

describe('LatestEvent', () => {
  it('tells the latest event at a moment, not one still ahead', () => {
    const traces = sixFromMobile();
    const latest = new LatestEvent();
    expect(latest.at(traces, -1)).toBeNull();
    const refused = traces.find((t) => t.decision.status === 429)!;
    const refusal = eventOf(refused, (e) => e.type === 'stage' && e.verdict === 'refuse');
    expect(latest.at(traces, refusal.atMs)?.event.atMs).toBe(refusal.atMs);
  });

  it('agrees with a scan of every event as the clock moves on, requests arrive, and it goes back', () => {
    const simulation = new Simulation(new Gateway(INITIAL_SETTINGS, INITIAL_ROUTES), { seed: 3 });
    simulation.send(spread(mobile, 40, 0, 20));
    simulation.send(burst({ ...mobile, path: '/nowhere' }, 5, 900));
    const latest = new LatestEvent();
    let traces: RequestTrace[] = [];
    const scan = (atMs: number) => {
      let best: SimEvent | null = null;
      for (const trace of traces)
        for (const event of trace.events)
          if (event.atMs <= atMs && (best === null || event.atMs >= best.atMs)) best = event;
      return best?.atMs ?? null;
    };
    for (let atMs = 0; atMs <= 4_000; atMs += 37) {
      traces = [...traces, ...simulation.advanceTo(atMs)];
      expect(latest.at(traces, atMs)?.event.atMs ?? null).toBe(scan(atMs));
    }
    // Back in time (the timeline): it starts over and still agrees.
    expect(latest.at(traces, 1_000)?.event.atMs ?? null).toBe(scan(1_000));
    // Another run (a Reset): nothing yet.
    expect(latest.at([], 50)).toBeNull();
  });
});

describe('narration of every kind of event', () => {
  it('says who was refused, where, with which status and why', () => {
    const traces = sixFromMobile();
    const refused = traces.find((t) => t.decision.status === 429)!;
    const refusal = eventOf(refused, (e) => e.type === 'stage' && e.verdict === 'refuse');
    expect(narrate(refused, refusal)).toMatch(
      new RegExp(
        `^Request #${refused.id} is refused at Rate limit with 429 Too Many Requests: .+\\.$`,
      ),
    );
    const answered = traces[0]!;
    expect(narrate(answered, answered.events.at(-1)!)).toBe(
      `Request #${answered.id} is answered 200 OK.`,
    );
    expect(narrate(answered, answered.events[0]!)).toBe(
      `Request #${answered.id} leaves Mobile app for /api/users.`,
    );
    expect(
      narrate(
        answered,
        eventOf(answered, (e) => e.type === 'arrived'),
      ),
    ).toBe(`Request #${answered.id} reaches the gateway.`);
  });

  it('cache: a Miss goes on, a Hit is answered at the gateway, a POST bypasses it', () => {
    const withCache = { ...PIPELINE_OFF, cache: PIPELINE_DEFAULTS.cache };
    const { gateway, traces } = run(
      withCache,
      [
        burst(mobile, 1, 0),
        burst(mobile, 1, 3_000),
        burst({ ...mobile, method: 'POST' }, 1, 3_100),
      ],
      10_000,
    );
    const context = narrationContext(gateway, 10_000);
    const [miss, hit, post] = traces as [RequestTrace, RequestTrace, RequestTrace];
    expect(narrate(miss, eventOf(miss, stageEvent('cache')), context)).toMatch(
      /^Request #1 is a cache Miss \(Miss: GET \/api\/users not in the cache\): it goes on to the service/,
    );
    expect(narrate(hit, eventOf(hit, stageEvent('cache')), context)).toMatch(
      /^Request #2 is a cache Hit \(Hit: stored \d+ ms ago\): the gateway answers 200 OK itself, and no service sees it\.$/,
    );
    expect(narrate(post, eventOf(post, stageEvent('cache')), context)).toBe(
      'Request #3 bypasses the cache: POST is never cached, so it goes on to the service.',
    );
    expect(narrate(post, post.events[0]!, context)).toBe(
      'Request #3 leaves Mobile app for POST /api/users.',
    );
  });

  it('path normalisation and transformation say what they changed', () => {
    const config = {
      ...PIPELINE_OFF,
      normalise: true,
      transform: PIPELINE_DEFAULTS.transform,
    };
    const { traces } = run(config, [burst({ ...mobile, path: '/api//users' }, 1, 0)], 5_000);
    const trace = traces[0]!;
    expect(narrate(trace, eventOf(trace, stageEvent('normalise')))).toBe(
      "Request #1's path is normalised before any rule reads it: /api//users → /api/users.",
    );
    expect(narrate(trace, eventOf(trace, stageEvent('transform')))).toMatch(
      /^Request #1 is rewritten for the service: .*X-API-Key removed\.$/,
    );
    expect(
      narrate(
        trace,
        eventOf(trace, (e) => e.type === 'forwarded'),
      ),
    ).toMatch(/^Request #1 is forwarded to user-service-1 as GET \/.*\.$/);
  });

  it('a down instance: 502, its ejection, and the balancer passing it by', () => {
    const { gateway, traces } = run(balanced, [spread(mobile, 9, 0, 5)], 6_000, (g) =>
      g.upstreams.setDown('user-service', 1, true),
    );
    const failures = traces.filter((t) => t.decision.status === 502);
    expect(failures).toHaveLength(3);
    const third = failures[2]!;
    const context = narrationContext(gateway, 6_000);
    expect(
      narrate(
        third,
        eventOf(third, (e) => e.type === 'failed'),
        context,
      ),
    ).toBe(
      'Request #' +
        third.id +
        ' fails at user-service-2: it refused the connection, so the gateway answers 502 Bad Gateway. user-service-2 is ejected: the balancer sends no more requests to it until its cool-down is over.',
    );
    expect(narrate(third, third.events.at(-1)!, context)).toMatch(
      /is answered 502 Bad Gateway: user-service-2 refused the connection\. user-service-2 is ejected/,
    );
    const balancedTo = traces.at(-1)!;
    expect(narrate(balancedTo, eventOf(balancedTo, stageEvent('balancer')), context)).toMatch(
      /^Request #9 is sent by the load balancer: round-robin → user-service-[13]\.$/,
    );
  });

  it('the circuit: open (503 at once), then half-open (one probe)', () => {
    const all = ['user-service', 'user-service', 'user-service'];
    const { gateway, simulation, traces } = run(
      balanced,
      [spread(mobile, 12, 0, 5), burst(mobile, 2, 5_000), burst(mobile, 1, 20_000)],
      6_000,
      (g) => all.forEach((service, i) => g.upstreams.setDown(service, i, true)),
    );
    const open = traces.find((t) => t.decision.status === 503)!;
    expect(narrate(open, eventOf(open, stageEvent('balancer')))).toBe(
      `Request #${open.id} is answered 503 Service Unavailable by the gateway at Load balancer, at once: all 3 instances of user-service ejected: circuit open.`,
    );
    // While every instance is out, the last failure's line says the circuit is open.
    const failed = traces.filter((t) => t.decision.status === 502).at(-1)!;
    expect(narrate(failed, failed.events.at(-1)!, narrationContext(gateway, 6_000))).toMatch(
      /The circuit of user-service is open: every instance is ejected, so the gateway answers 503 at once\.$/,
    );
    // After the cool-down the next request is the probe: the circuit is half-open.
    const probe = simulation.advanceTo(20_300).at(-1)!;
    const context = narrationContext(gateway, 20_300);
    expect(narrate(probe, eventOf(probe, stageEvent('balancer')), context)).toMatch(
      /^Request #\d+ is sent by the load balancer: cool-down over: user-service-\d gets one probe \(half-open\)\.$/,
    );
    expect(narrate(probe, probe.events[0]!, context)).toMatch(/leaves Mobile app/);
    expect(context.health?.circuit('user-service')).toBe('half-open');
  });

  it('a probe that gets its answer puts the instance back: the circuit is closed', () => {
    // user-service-1 refuses connections for 5 s: three failures eject it; it is fine by the probe.
    const { gateway, traces } = run(
      balanced,
      [spread(mobile, 9, 0, 5), burst(mobile, 1, 20_000)],
      30_000,
      (g) =>
        g.upstreams.scheduleFaults([
          { service: 'user-service', instance: 1, fromMs: 0, toMs: 5_000, failure: 'down' },
        ]),
    );
    expect(traces.filter((t) => t.decision.status === 502)).toHaveLength(3);
    const probe = traces.at(-1)!;
    const served = eventOf(probe, (e) => e.type === 'served');
    expect(narrate(probe, served, narrationContext(gateway, 30_000))).toBe(
      `Request #${probe.id} is served by user-service-1. The probe got its answer: user-service-1 is back in rotation and the circuit is closed.`,
    );
  });

  it('504: no answer in time', () => {
    const { gateway, traces } = run(balanced, [burst(mobile, 1, 0)], 10_000, (g) =>
      g.upstreams.scheduleFaults([
        { service: 'user-service', instance: 1, fromMs: 0, toMs: 60_000, failure: 'timeout' },
      ]),
    );
    const trace = traces[0]!;
    expect(trace.decision.status).toBe(504);
    const context = narrationContext(gateway, 10_000);
    expect(
      narrate(
        trace,
        eventOf(trace, (e) => e.type === 'timed-out'),
        context,
      ),
    ).toBe(
      'Request #1 fails at user-service-1: it did not answer in time, so the gateway answers 504 Gateway Timeout.',
    );
    expect(narrate(trace, trace.events.at(-1)!, context)).toMatch(
      /^Request #1 is answered 504 Gateway Timeout: user-service-1 did not answer in time\.$/,
    );
  });

  it('a 500 from the instance is a 502 at the gateway', () => {
    const { traces } = run(balanced, [burst(mobile, 1, 0)], 10_000, (g) =>
      g.upstreams.scheduleFaults([
        { service: 'user-service', instance: 1, fromMs: 0, toMs: 60_000, failure: 'error' },
      ]),
    );
    const trace = traces[0]!;
    expect(
      narrate(
        trace,
        eventOf(trace, (e) => e.type === 'failed'),
      ),
    ).toBe(
      'Request #1 fails at user-service-1: it answered 500, so the gateway answers 502 Bad Gateway.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING, Gateway, Simulation, burst, type RequestTrace } from '../../engine';
import { INITIAL_ROUTES } from '../../content/services';
import { applyPipeline, PIPELINE_OFF, type PipelineConfig } from '../../store/pipeline';
import { EVERY_STAGE as everyStage } from '../../store/pipeline.fixture';
import { packetPath } from '../playback/packetPath';
import { packetMarks } from './drawPackets';
import { anchorOf, instanceCentre, layoutOfSize, type Box } from './layout';

const mobile = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };

function gatewayWith(config: PipelineConfig = everyStage): Gateway {
  const gateway = new Gateway({}, INITIAL_ROUTES);
  applyPipeline(gateway, config);
  return gateway;
}

const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

function expectApart(boxes: readonly Box[]) {
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) expect(apart(a, b)).toBe(true);
}

const places = (trace: RequestTrace) =>
  packetPath(trace).keyframes.map((k) =>
    k.at.kind === 'stage'
      ? k.at.stage
      : k.at.kind === 'service'
        ? `${k.at.service}#${k.at.instance ?? '-'}`
        : 'client',
  );

describe('the graph draws the stages the engine runs', () => {
  it.each(['wide', 'column', 'phone'] as const)(
    'every stage on: boxes inside the gateway, none overlapping, services apart (%s)',
    (size) => {
      const stages = gatewayWith()
        .stages()
        .map((s) => s.name);
      const layout = layoutOfSize(size, { stages, instances: 3 });
      expect([...layout.stages.keys()]).toEqual(stages);
      const boxes = [...layout.stages.values()];
      for (const box of boxes) {
        expect(box.x + box.width).toBeLessThanOrEqual(layout.gateway.width);
        expect(box.y + box.height).toBeLessThanOrEqual(layout.gateway.height);
      }
      expectApart(boxes);
      const nodes = [...layout.clients.values(), layout.gateway, ...layout.services.values()];
      expectApart(nodes);
      for (const node of nodes) expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
    },
  );

  it('sends requests on their way in to the first stage the engine lists', () => {
    const gateway = gatewayWith();
    const first = gateway.stages()[0]?.name as string;
    expect(first).not.toBe('auth');
    const layout = layoutOfSize('wide', {
      stages: gateway.stages().map((s) => s.name),
      instances: 3,
    });
    const { marks } = packetMarks(
      layout,
      [],
      burst(mobile, 1, 0),
      DEFAULT_TIMING.networkMs,
      0,
      DEFAULT_TIMING,
    );
    expect(marks[0]).toMatchObject(anchorOf(layout, { kind: 'stage', stage: first }));
  });

  it('answers a cache Hit at the gateway: its packet never reaches a service', () => {
    const simulation = new Simulation(gatewayWith(), { seed: 1 });
    simulation.send([...burst(mobile, 1, 0), ...burst(mobile, 1, 3_000)]);
    const [miss, hit] = simulation.runAll() as [RequestTrace, RequestTrace];
    expect(places(miss).some((p) => p.startsWith('user-service'))).toBe(true);
    expect(places(hit).some((p) => p.startsWith('user-service'))).toBe(false);
    expect(packetPath(hit).cacheHit).toBe(true);
    expect(packetPath(miss).cacheHit).toBe(false);
  });

  it('takes each packet to the instance the event names, and shows a failure once it is back', () => {
    const gateway = gatewayWith({ ...everyStage, cache: null });
    gateway.upstreams.setDown('user-service', 1, true);
    const simulation = new Simulation(gateway, { seed: 1 });
    simulation.send(burst(mobile, 3, 0));
    const traces = simulation.runAll();
    const instances = traces.map((t) => t.decision.upstream?.instanceIndex);
    expect(instances).toEqual([0, 1, 2]);
    traces.forEach((trace, i) => expect(places(trace)).toContain(`user-service#${i}`));
    const failed = traces[1] as RequestTrace;
    expect(failed.decision.status).toBe(502);
    const failedAt = failed.events.find((e) => e.type === 'failed')?.atMs;
    expect(packetPath(failed).decidedAtMs).toBe(failedAt);
    const layout = layoutOfSize('wide', {
      stages: gateway.stages().map((s) => s.name),
      instances: 3,
    });
    const box = layout.services.get('user-service');
    expect(box).toBeDefined();
    if (box === undefined) return;
    expect(anchorOf(layout, { kind: 'service', service: 'user-service', instance: 2 })).toEqual(
      instanceCentre(box, 2, 3),
    );
  });

  it('draws the lesson exactly as before while every optional stage is off', () => {
    const stages = gatewayWith(PIPELINE_OFF)
      .stages()
      .map((s) => s.name);
    expect(layoutOfSize('wide', { stages, instances: 1 })).toEqual(layoutOfSize('wide'));
  });
});

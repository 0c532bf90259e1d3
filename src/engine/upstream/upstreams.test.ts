import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serviceName } from '../routing';
import { Upstreams, instanceName } from './upstreams';

const SERVICES = ['a', 'b', 'user-service'] as const;

type Op =
  | {
      readonly kind: 'configure';
      readonly service: number;
      readonly instances: number;
      readonly timeoutMs: number;
    }
  | {
      readonly kind: 'down';
      readonly service: number;
      readonly index: number;
      readonly down: boolean;
    }
  | {
      readonly kind: 'ask';
      readonly service: number;
      readonly index: number;
      readonly atMs: number;
    };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('configure' as const),
    service: fc.nat(2),
    instances: fc.integer({ min: 1, max: 4 }),
    timeoutMs: fc.constantFrom(5, 50, 5000),
  }),
  fc.record({
    kind: fc.constant('down' as const),
    service: fc.nat(2),
    index: fc.nat(3),
    down: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('ask' as const),
    service: fc.nat(2),
    index: fc.nat(3),
    atMs: fc.nat(10_000),
  }),
);

/**
 * Upstreams remembers the service it looked up last (and the routing and instance names their
 * last answer): whatever was asked before, each answer must be the one a fresh copy gives.
 */
describe('remembered look-ups', () => {
  it('every answer is what a fresh copy of the upstreams gives', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 50 }), (ops) => {
        const upstreams = new Upstreams();
        upstreams.transit = { stageMs: 1, upstreamMs: 3 };
        for (const o of ops) {
          const service = SERVICES[o.service] as string;
          if (o.kind === 'configure')
            upstreams.configureService(service, {
              instances: o.instances,
              timeoutMs: o.timeoutMs,
              latencyMs: 10,
            });
          else if (o.kind === 'down') {
            if (o.index < upstreams.instanceCount(service))
              upstreams.setDown(service, o.index, o.down);
          } else {
            const fresh = upstreams.fork();
            expect(upstreams.instanceCount(service)).toBe(fresh.instanceCount(service));
            expect(upstreams.timeoutMs(service)).toBe(fresh.timeoutMs(service));
            expect(upstreams.isDown(service, o.index)).toBe(fresh.isDown(service, o.index));
            expect(upstreams.exchange(service, o.index, o.atMs)).toEqual(
              fresh.exchange(service, o.index, o.atMs),
            );
          }
        }
      }),
      { seed: 4, numRuns: 300 },
    );
  });

  it('names services and instances the same whatever was asked before', () => {
    const url = fc.constantFrom('http://a:1', 'https://b', 'c', 'http://user-service:3001/x', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(url, fc.nat(5)), { maxLength: 30 }), (asks) => {
        for (const [serviceUrl, index] of asks) {
          const host = serviceUrl.replace(/^[a-z]+:\/\//i, '').split(/[/:]/)[0];
          const name = host === undefined || host === '' ? serviceUrl : host;
          expect(serviceName(serviceUrl)).toBe(name);
          expect(instanceName(name, index)).toBe(`${name}-${index + 1}`);
        }
      }),
      { seed: 8, numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { CLIENTS, SERVICES } from '../../content/services';
import { graphDescription } from './graphDescription';
import {
  anchorOf,
  graphLayout,
  graphSizeForWidth,
  instanceCentre,
  layoutOfSize,
  STAGES,
} from './layout';

describe('graphLayout', () => {
  it.each(['wide', 'column', 'phone'] as const)(
    'places every node without overlap (%s)',
    (size) => {
      const layout = layoutOfSize(size);
      const boxes = [...layout.clients.values(), layout.gateway, ...layout.services.values()];
      expect(boxes).toHaveLength(CLIENTS.length + 1 + SERVICES.length);
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const apart =
            a.x + a.width <= b.x ||
            b.x + b.width <= a.x ||
            a.y + a.height <= b.y ||
            b.y + b.height <= a.y;
          expect(apart).toBe(true);
        }
      }
    },
  );

  it('puts the stages in order inside the gateway: Auth, Rate limit, Router', () => {
    const layout = graphLayout('horizontal');
    // Written out, in the pipeline's order, rather than read from the layout's own STAGES list.
    const order = ['auth', 'rate-limit', 'router'] as const;
    const xs = order.map((stage) => anchorOf(layout, { kind: 'stage', stage }).x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const x of xs) {
      expect(x).toBeGreaterThan(layout.gateway.x);
      expect(x).toBeLessThan(layout.gateway.x + layout.gateway.width);
    }
  });

  it('fits the stacked layout in a phone-wide column', () => {
    expect(graphLayout('vertical').width).toBeLessThanOrEqual(370);
  });

  it('picks a layout the box can draw near 1:1: never scaled below 0.85', () => {
    for (const widthPx of [360, 374, 599, 600, 680, 899, 900, 1200]) {
      const layout = layoutOfSize(graphSizeForWidth(widthPx));
      expect(widthPx / layout.width, `${widthPx} px`).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('keeps the stages inside the gateway in every size', () => {
    for (const size of ['wide', 'column', 'phone'] as const) {
      const layout = layoutOfSize(size);
      for (const box of layout.stages.values()) {
        expect(box.x + box.width).toBeLessThanOrEqual(layout.gateway.width);
        expect(box.y + box.height).toBeLessThanOrEqual(layout.gateway.height);
      }
    }
  });

  it('sends packets for unknown services to the gateway edge rather than nowhere', () => {
    const layout = graphLayout('horizontal');
    const p = anchorOf(layout, { kind: 'service', service: 'billing' });
    expect(p.x).toBe(layout.gateway.x + layout.gateway.width);
  });

  it('draws each service with its own instances, and every service a row once one runs several', () => {
    const instances = { 'user-service': 2, 'order-service': 5 };
    for (const size of ['wide', 'column', 'phone'] as const) {
      const layout = layoutOfSize(size, { stages: STAGES, instances });
      expect(layout.instances).toBe(5);
      expect([...layout.serviceInstances]).toEqual(
        SERVICES.map((s) => [s.id, s.id === 'user-service' ? 2 : s.id === 'order-service' ? 5 : 1]),
      );
      const users = layout.services.get('user-service')!;
      expect(anchorOf(layout, { kind: 'service', service: 'user-service', instance: 1 })).toEqual(
        instanceCentre(users, 1, 2),
      );
      // A service with one instance in a row of several: packets aim at its one chip.
      const payments = layout.services.get('payment-service')!;
      expect(
        anchorOf(layout, { kind: 'service', service: 'payment-service', instance: 0 }),
      ).toEqual(instanceCentre(payments, 0, 1));
    }
    expect(layoutOfSize('wide', { stages: STAGES, instances: 1 }).instances).toBe(1);
  });
});

describe('graphDescription', () => {
  it('names the stages in order, each service’s instances, and how to reach the explanations', () => {
    const one = new Map(SERVICES.map((s) => [s.id, 1]));
    const text = graphDescription(['Auth', 'Rate limit', 'Router'], one);
    expect(text).toContain('in 3 stages, Auth, then Rate limit, then Router');
    expect(text).not.toContain('instances');
    expect(text).toContain('request log');
    const several = new Map(SERVICES.map((s, i) => [s.id, i + 1]));
    expect(graphDescription(['Auth'], several)).toContain(
      'the user service runs 1 instance, the order service 2, the payment service 3 and the notification service 4, and each instance can be taken down',
    );
  });
});

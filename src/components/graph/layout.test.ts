import { describe, expect, it } from 'vitest';
import { CLIENTS, SERVICES } from '../../content/services';
import { anchorOf, graphLayout } from './layout';

describe('graphLayout', () => {
  it.each(['horizontal', 'vertical'] as const)('places every node without overlap (%s)', (o) => {
    const layout = graphLayout(o);
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
  });

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

  it('sends packets for unknown services to the gateway edge rather than nowhere', () => {
    const layout = graphLayout('horizontal');
    const p = anchorOf(layout, { kind: 'service', service: 'billing' });
    expect(p.x).toBe(layout.gateway.x + layout.gateway.width);
  });
});

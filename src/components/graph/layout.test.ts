import { describe, expect, it } from 'vitest';
import { CLIENTS, SERVICES } from '../../content/services';
import { anchorOf, graphLayout, graphSizeForWidth, layoutOfSize } from './layout';

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
});

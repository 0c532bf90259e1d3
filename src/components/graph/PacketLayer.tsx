import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { HttpStatus } from '../../engine';
import { useAppStore, type AppState } from '../../store';
import { packetMarks, type PacketMark } from './drawPackets';
import type { GraphLayout } from './layout';
import { followPacketPointer, markRadiusPx } from './packetPointer';
import { packetTargetsAt } from './packetTargets';

const STATUS_VARS = {
  200: '--ok',
  401: '--unauthorized',
  404: '--not-found',
  429: '--limited',
} as const;

type Colours = Record<HttpStatus | 'pending' | 'failed', string>;

function readColours(element: Element): Colours {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    200: read(STATUS_VARS[200], '#007a5a'),
    401: read(STATUS_VARS[401], '#b35900'),
    404: read(STATUS_VARS[404], '#6a3d9a'),
    429: read(STATUS_VARS[429], '#c0392b'),
    failed: read('--failed', '#5b2333'),
    pending: read('--accent', '#1f5fae'),
  };
}

/** Status shapes, so colour is never the only signal: ● 200, ■ 401, ◆ 404, ▲ 429, ✖ 5xx. */
function shape(
  ctx: CanvasRenderingContext2D,
  status: HttpStatus | null,
  x: number,
  y: number,
  r: number,
) {
  ctx.beginPath();
  if (status === 401) ctx.rect(x - r, y - r, 2 * r, 2 * r);
  else if (status === 404) {
    ctx.moveTo(x, y - r * 1.3);
    ctx.lineTo(x + r * 1.3, y);
    ctx.lineTo(x, y + r * 1.3);
    ctx.lineTo(x - r * 1.3, y);
    ctx.closePath();
  } else if (status === 429) {
    ctx.moveTo(x, y - r * 1.3);
    ctx.lineTo(x + r * 1.2, y + r);
    ctx.lineTo(x - r * 1.2, y + r);
    ctx.closePath();
  } else if (status !== null && status >= 500) {
    // A cross: the gateway could not get an answer from the service.
    const a = r * 0.45;
    const b = r * 1.2;
    ctx.moveTo(x - b, y - b + a);
    ctx.lineTo(x - b + a, y - b);
    ctx.lineTo(x, y - a);
    ctx.lineTo(x + b - a, y - b);
    ctx.lineTo(x + b, y - b + a);
    ctx.lineTo(x + a, y);
    ctx.lineTo(x + b, y + b - a);
    ctx.lineTo(x + b - a, y + b);
    ctx.lineTo(x, y + a);
    ctx.lineTo(x - b + a, y + b);
    ctx.lineTo(x - b, y + b - a);
    ctx.lineTo(x - a, y);
    ctx.closePath();
  } else ctx.arc(x, y, r, 0, Math.PI * 2);
}

function colourOf(colours: Colours, status: HttpStatus | null): string {
  if (status === null) return colours.pending;
  return colours[status] ?? (status >= 500 ? colours.failed : colours.pending);
}

function drawMarks(
  ctx: CanvasRenderingContext2D,
  marks: readonly PacketMark[],
  colours: Colours,
  [tx, ty, zoom]: readonly [number, number, number],
) {
  const r = markRadiusPx(zoom);
  ctx.font = `600 ${Math.max(10, 11 * zoom)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  for (const mark of marks) {
    const m = { ...mark, x: mark.x * zoom + tx, y: mark.y * zoom + ty };
    ctx.fillStyle = colourOf(colours, m.status);
    shape(ctx, m.status, m.x, m.y, r);
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
    const label = `${m.status ?? ''}${m.cacheHit ? ' Hit' : ''}${m.count > 1 ? ` ×${m.count}` : ''}`;
    if (label === '') continue;
    const w = ctx.measureText(label).width + 8;
    ctx.fillStyle = 'rgba(255,255,255,0.92)';
    ctx.fillRect(m.x + r + 2, m.y - r - 2, w, 2 * r + 4);
    ctx.fillStyle = colourOf(colours, m.status);
    ctx.fillText(label, m.x + r + 6, m.y);
  }
}

/** What the packets' positions depend on in the app's store: a change of any needs a new frame. */
function movedInStore(state: AppState, previous: AppState): boolean {
  return (
    state.clockMs !== previous.clockMs ||
    state.viewMs !== previous.viewMs ||
    state.traces !== previous.traces ||
    state.simulation !== previous.simulation ||
    state.reducedMotion !== previous.reducedMotion
  );
}

/**
 * All packets in flight, drawn on one canvas over the graph: no React render per packet or per
 * frame. A frame is drawn only when something it shows changed (the clock, the traces, the pan
 * and zoom, the canvas's size), so an idle page does no work at all.
 */
export function PacketLayer({ layout }: { layout: GraphLayout }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flowStore = useStoreApi();

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const colours = readColours(canvas);
    let frame: number | null = null;
    let hint = 0;
    let lastT = -1;
    let blank = true;
    // The canvas's CSS size, from the ResizeObserver: reading clientWidth in each frame would
    // force a layout whenever the clock's text changed just before.
    let cssSize = { width: canvas.clientWidth, height: canvas.clientHeight };
    const draw = () => {
      frame = null;
      const state = useAppStore.getState();
      const dpr = window.devicePixelRatio || 1;
      const width = Math.round(cssSize.width * dpr);
      const height = Math.round(cssSize.height * dpr);
      const resized = canvas.width !== width || canvas.height !== height;
      if (resized) {
        canvas.width = width;
        canvas.height = height;
      }
      const t = state.viewMs ?? state.clockMs;
      // The hint only moves forward with time; going back (the tour) or a reset starts over.
      if (t < lastT || state.traces.length < hint) hint = 0;
      lastT = t;
      const pending = state.simulation.pendingCount > 0 ? state.simulation.pending : [];
      const { marks, nextStart, deferred } = state.reducedMotion
        ? { marks: [], nextStart: hint, deferred: false }
        : packetMarks(layout, state.traces, pending, t, hint, state.simulation.timing);
      hint = nextStart;
      // An empty canvas that stays empty is not touched: no repaint while the clock runs idle.
      if (marks.length === 0 && blank && !resized) return;
      blank = marks.length === 0;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      drawMarks(ctx, marks, colours, flowStore.getState().transform);
      // Packets left for later frames (a burst's first frame) are drawn even while paused.
      if (deferred) schedule();
    };
    const schedule = () => {
      frame ??= requestAnimationFrame(draw);
    };
    schedule();
    const unsubscribeApp = useAppStore.subscribe((state, previous) => {
      if (movedInStore(state, previous)) schedule();
    });
    const unsubscribeFlow = flowStore.subscribe((state, previous) => {
      if (state.transform !== previous.transform) schedule();
    });
    const resized = new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      if (box !== undefined) cssSize = { width: box.width, height: box.height };
      schedule();
    });
    resized.observe(canvas);
    // A click on a packet opens its request's explanation (the newest, for a merged mark).
    const stopPointer = followPacketPointer(canvas, {
      targets: (r, forHover) => {
        const state = useAppStore.getState();
        if (state.reducedMotion) return [];
        const t = state.viewMs ?? state.clockMs;
        const { timing } = state.simulation;
        return packetTargetsAt(layout, state.traces, t, timing, r, forHover ? 300 : Infinity);
      },
      transform: () => flowStore.getState().transform,
      onPick: ({ id, among }) => useAppStore.getState().select({ kind: 'request', id, among }),
    });
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      unsubscribeApp();
      unsubscribeFlow();
      resized.disconnect();
      stopPointer();
    };
  }, [layout, flowStore]);

  return <canvas ref={canvasRef} className="packet-layer" aria-hidden="true" />;
}

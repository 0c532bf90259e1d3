import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useAppStore, type AppState } from '../../store';
import { packetHitTargets, packetMarks, placeMarks, rememberShownFrame } from './drawPackets';
import type { GraphLayout } from './layout';
import { followPacketPointer } from './packetPointer';
import { onIdle } from '../lazy/whenIdle';
import { paintMarks, readColours, warmLabelFont } from './paintPackets';

/** The time a frame spends on the paths of packets new to it; the rest wait for the next frames. */
const NEW_PATHS_MS = 3;

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
      const { timing } = state.simulation;
      const startIndex = hint;
      const until = performance.now() + NEW_PATHS_MS;
      const { marks, nextStart, deferred } = state.reducedMotion
        ? { marks: [], nextStart: hint, deferred: false }
        : packetMarks(layout, state.traces, pending, t, startIndex, timing, {
            outOfTime: () => performance.now() > until,
          });
      hint = nextStart;
      const viewport = flowStore.getState().transform;
      rememberShownFrame(
        marks.length === 0
          ? null
          : { layout, traces: state.traces, pending, atMs: t, startIndex, timing, viewport },
      );
      // An empty canvas that stays empty is not touched: no repaint while the clock runs idle
      // (a resize has emptied it already).
      if (marks.length === 0 && (blank || resized)) {
        blank = true;
        return;
      }
      blank = marks.length === 0;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      paintMarks(ctx, placeMarks(marks, viewport), colours);
      // Packets left for later frames (a burst's first frame) are drawn even while paused.
      if (deferred) schedule();
    };
    const schedule = () => {
      frame ??= requestAnimationFrame(draw);
    };
    schedule();
    // Only on an empty canvas: warming wipes it.
    const cancelWarming = onIdle(() => blank && warmLabelFont(ctx));
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
      targets: () => (useAppStore.getState().reducedMotion ? [] : packetHitTargets()),
      onPick: ({ id, among }) => useAppStore.getState().select({ kind: 'request', id, among }),
    });
    return () => {
      stopPointer();
      if (frame !== null) cancelAnimationFrame(frame);
      cancelWarming();
      unsubscribeApp();
      unsubscribeFlow();
      resized.disconnect();
    };
  }, [layout, flowStore]);

  return <canvas ref={canvasRef} className="packet-layer" aria-hidden="true" />;
}

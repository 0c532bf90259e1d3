import { ReactFlow, ReactFlowProvider, useReactFlow, type NodeTypes } from '@xyflow/react';
import { startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ClientNode } from './ClientNode';
import { flowEdges, flowNodes } from './flowElements';
import { GatewayNode } from './GatewayNode';
import { graphSizeForWidth, layoutOfSize } from './layout';
import { graphDescription } from './graphDescription';
import { PacketLayer } from './PacketLayer';
import { ServiceNode } from './ServiceNode';
import { SERVICES } from '../../content/services';
import { useAppStore } from '../../store';
import { instancesOf } from '../../store/pipeline';
import { Explanation } from './explain/Explanation';
import './graph.css';

const nodeTypes: NodeTypes = { client: ClientNode, gateway: GatewayNode, service: ServiceNode };
const edges = flowEdges();
/** The width the graph's box is taken to have until it has been measured. */
const GUESSED_WIDTH = 700;

/** Keeps the whole graph in view when its box changes size. */
function FitOnResize({ width }: { width: number }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    void fitView({ padding: 0.04 });
  }, [width, fitView]);
  return null;
}

/** The box's width, null until it has been measured. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  // Measured before the first paint, so a phone never sees the wide layout first and then jumps
  // (a layout shift Lighthouse counted against the caption under the graph).
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Clients → gateway (the stages the engine runs) → services, with packets in flight. */
export function GatewayGraph() {
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useWidth(boxRef);
  // Until the box is measured (before the first paint) its size is a guess: the box is there,
  // the graph is not drawn, or a phone would build the wide graph only to throw it away. Once
  // measured, the box has its final size at once, and the graph is drawn into it as a transition
  // of its own (React Flow's mount is the playground's largest part, built in slices).
  const [draw, setDraw] = useState(false);
  useEffect(() => {
    if (width !== null) startTransition(() => setDraw(true));
  }, [width]);
  const size = graphSizeForWidth(width ?? GUESSED_WIDTH);
  // The engine's own list, cached by the gateway until the Pipeline panel or a profile changes it.
  const info = useAppStore((s) => s.gateway.stages());
  const stageKey = useMemo(
    () => info.map((stage) => `${stage.name}=${stage.label}`).join('|'),
    [info],
  );
  const pipeline = useAppStore((s) => s.pipeline);
  const instancesKey = useMemo(
    () => SERVICES.map((service) => instancesOf(pipeline, service.id)).join(' '),
    [pipeline],
  );
  // Rebuilt only when the names, labels or counts change, not on every rebuild of the gateway.
  const shape = useMemo(() => {
    const counts = instancesKey.split(' ').map(Number);
    return {
      stages: stageKey.split('|').map((pair) => pair.slice(0, pair.indexOf('='))),
      labels: stageKey.split('|').map((pair) => pair.slice(pair.indexOf('=') + 1)),
      instances: Object.fromEntries(SERVICES.map((service, i) => [service.id, counts[i] ?? 1])),
    };
  }, [stageKey, instancesKey]);
  const layout = useMemo(() => layoutOfSize(size, shape), [size, shape]);
  const { orientation } = layout;
  const nodes = useMemo(() => flowNodes(layout), [layout]);
  return (
    <figure className="graph-figure">
      <div
        ref={boxRef}
        className={`graph-box graph-${orientation} graph-${size}`}
        // As tall as the layout needs at this width (plus fitView's padding), never a fixed height.
        style={{ aspectRatio: `${layout.width} / ${layout.height}` }}
        // A group, not an image: its nodes and a service's instances are buttons inside it.
        role="group"
        aria-label={graphDescription(shape.labels, layout.serviceInstances)}
      >
        {draw && width !== null && (
          <ReactFlowProvider>
            <ReactFlow
              key={`${size} ${stageKey} ${instancesKey}`}
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              fitView
              fitViewOptions={{ padding: 0.04 }}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable={false}
              // Each node's own button takes focus, not React Flow's wrapper around it.
              nodesFocusable={false}
              edgesFocusable={false}
              zoomOnScroll={false}
              panOnScroll={false}
              panOnDrag={false}
              zoomOnPinch={false}
              zoomOnDoubleClick={false}
              preventScrolling={false}
              minZoom={0.2}
              // The caption credits React Flow; its link would be one more stop in the graph.
              proOptions={{ hideAttribution: true }}
            />
            <PacketLayer layout={layout} />
            <FitOnResize width={width} />
          </ReactFlowProvider>
        )}
      </div>
      <figcaption>
        Each dot is a request. It shows its status once a stage has decided: ● 200 served, ■ 401 no
        or unknown key, ◆ 404 no route, ▲ 429 over the limit
        {layout.instances > 1 ? ', ✖ 5xx no answer from a service.' : '.'}{' '}
        {/* Not on a phone: there "Send burst" must stay on the first screen, under the caption. */}
        {size !== 'phone' && 'Click a dot, a node or a log row to have it explained. '}
        <span className="graph-credit">
          Drawn with <a href="https://reactflow.dev">React Flow</a>.
        </span>
      </figcaption>
      <Explanation />
    </figure>
  );
}

import { ReactFlow, ReactFlowProvider, useReactFlow, type NodeTypes } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ClientNode } from './ClientNode';
import { flowEdges, flowNodes } from './flowElements';
import { GatewayNode } from './GatewayNode';
import { useAppStore } from '../../store';
import { drawnStages, graphSizeForWidth, layoutOfSize } from './layout';
import { PacketLayer } from './PacketLayer';
import { ServiceNode } from './ServiceNode';
import './graph.css';

const nodeTypes: NodeTypes = { client: ClientNode, gateway: GatewayNode, service: ServiceNode };
const edges = flowEdges();

/** Keeps the whole graph in view when its box changes size. */
function FitOnResize({ width }: { width: number }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    void fitView({ padding: 0.04 });
  }, [width, fitView]);
  return null;
}

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(700);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Clients → gateway (Auth → Rate limit → Router) → services, with packets in flight. */
export function GatewayGraph() {
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useWidth(boxRef);
  const size = graphSizeForWidth(width);
  // The profile decides the stages' order; its gateway object stays the same when it changes.
  const profile = useAppStore((s) => s.profile);
  const gateway = useAppStore((s) => s.gateway);
  const stages = useMemo(() => drawnStages(gateway, profile), [gateway, profile]);
  const layout = useMemo(
    () =>
      layoutOfSize(
        size,
        stages.map((stage) => stage.name),
      ),
    [size, stages],
  );
  const { orientation } = layout;
  const nodes = useMemo(() => flowNodes(layout), [layout]);
  return (
    <figure className="graph-figure">
      <div
        ref={boxRef}
        className={`graph-box graph-${orientation} graph-${size}`}
        // As tall as the layout needs at this width (plus fitView's padding), never a fixed height.
        style={{ aspectRatio: `${layout.width} / ${layout.height}` }}
        role="img"
        aria-label="Diagram: four clients send requests to the API gateway, which checks each request in three stages, Auth, then Rate limit, then Router, and forwards it to the user, order, payment or notification service. The request log below lists every outcome."
      >
        <ReactFlowProvider>
          <ReactFlow
            key={size}
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            fitView
            fitViewOptions={{ padding: 0.04 }}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            zoomOnScroll={false}
            panOnScroll={false}
            panOnDrag={false}
            zoomOnPinch={false}
            zoomOnDoubleClick={false}
            preventScrolling={false}
            minZoom={0.2}
            // Its link would be a control inside role="img"; the caption credits React Flow.
            proOptions={{ hideAttribution: true }}
          />
          <PacketLayer layout={layout} />
          <FitOnResize width={width} />
        </ReactFlowProvider>
      </div>
      <figcaption>
        Each dot is a request. It shows its status once a stage has decided: ● 200 served, ■ 401 no
        or unknown key, ◆ 404 no route, ▲ 429 over the limit.{' '}
        <span className="graph-credit">
          Drawn with <a href="https://reactflow.dev">React Flow</a>.
        </span>
      </figcaption>
    </figure>
  );
}

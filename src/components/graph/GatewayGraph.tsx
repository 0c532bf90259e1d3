import { ReactFlow, ReactFlowProvider, useReactFlow, type NodeTypes } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ClientNode } from './ClientNode';
import { flowEdges, flowNodes } from './flowElements';
import { GatewayNode } from './GatewayNode';
import { graphSizeForWidth, layoutOfSize } from './layout';
import { graphDescription } from './graphDescription';
import { PacketLayer } from './PacketLayer';
import { ServiceNode } from './ServiceNode';
import { useAppStore } from '../../store';
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

/** Clients → gateway (the stages the engine runs) → services, with packets in flight. */
export function GatewayGraph() {
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useWidth(boxRef);
  const size = graphSizeForWidth(width);
  // The stage list is the engine's: it changes when the Pipeline panel turns stages on or off.
  const stageLabels = useAppStore((s) =>
    s.gateway
      .stages()
      .map((stage) => `${stage.name}=${stage.label}`)
      .join('|'),
  );
  const instances = useAppStore((s) => s.pipeline.instances * (s.pipeline.balancer ? 1 : 0) || 1);
  const stages = useMemo(
    () => stageLabels.split('|').map((pair) => pair.slice(0, pair.indexOf('='))),
    [stageLabels],
  );
  const layout = useMemo(
    () => layoutOfSize(size, { stages, instances }),
    [size, stages, instances],
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
        // A group, not an image: a service's instances are buttons inside it.
        role="group"
        aria-label={graphDescription(stageLabels, instances)}
      >
        <ReactFlowProvider>
          <ReactFlow
            key={`${size} ${stageLabels} ${instances}`}
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
            // The caption credits React Flow; its link would be one more stop in the graph.
            proOptions={{ hideAttribution: true }}
          />
          <PacketLayer layout={layout} />
          <FitOnResize width={width} />
        </ReactFlowProvider>
      </div>
      <figcaption>
        Each dot is a request. It shows its status once a stage has decided: ● 200 served, ■ 401 no
        or unknown key, ◆ 404 no route, ▲ 429 over the limit
        {instances > 1 ? ', ✖ 5xx no answer from a service.' : '.'}{' '}
        <span className="graph-credit">
          Drawn with <a href="https://reactflow.dev">React Flow</a>.
        </span>
      </figcaption>
    </figure>
  );
}

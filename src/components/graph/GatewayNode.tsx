import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { ALGORITHMS, type StageName } from '../../engine';
import { STAGE_LABELS } from '../../content/services';
import { useAppStore, useShownTraces } from '../../store';
import { PREPARER_NAME as ROUTE_LOOKUP_PREPARER } from '../exercises/routeLookupPreparer';
import { addCounts, countByStatus, STATUSES } from '../log/statusCounts';
import { STAGES } from './layout';
import { GATEWAY_NODE_ID, stageHighlightId, type GatewayNodeType } from './nodeData';

function StageBox({ stage, detail, index }: { stage: StageName; detail: string; index: number }) {
  const highlighted = useAppStore((s) => s.highlight === stageHighlightId(stage));
  return (
    <div className={`stage-box${highlighted ? ' is-highlighted' : ''}`}>
      <span className="stage-step">{index + 1}</span>
      <strong>{STAGE_LABELS[stage]}</strong>
      <span>{detail}</span>
    </div>
  );
}

/** The gateway: its three stages in order, and how many requests got each status. */
export const GatewayNode = memo(function GatewayNode({ data }: NodeProps<GatewayNodeType>) {
  const { orientation, width, height } = data;
  const traces = useShownTraces((s) => s.traces);
  const older = useShownTraces((s) => s.olderTraces);
  const settings = useAppStore((s) => s.settings);
  const routeCount = useAppStore((s) => s.routes.length);
  const highlighted = useAppStore((s) => s.highlight === GATEWAY_NODE_ID);
  // Learner code can stand in for a stage (the challenge's limiter, experiment 4's lookup).
  const learnerLimiter = useAppStore((s) => s.learnerLimiter.active);
  const learnerLookup = useAppStore((s) => s.preparers.has(ROUTE_LOOKUP_PREPARER));
  const counts = useMemo(() => addCounts(older.byStatus, countByStatus(traces)), [older, traces]);
  const algorithm =
    ALGORITHMS.find((a) => a.name === settings.algorithm)?.label ?? settings.algorithm;
  const details: Record<StageName, string> = {
    auth: settings.keyMode === 'registered' ? 'registered keys' : 'any key',
    'rate-limit': `${settings.maxRequests} per ${settings.windowMs / 1000} s, ${learnerLimiter ? 'your RateLimiter' : algorithm}`,
    router: learnerLookup ? `${routeCount} routes, your findRoute` : `${routeCount} routes`,
  };
  return (
    <div
      className={`graph-node gateway-node${highlighted ? ' is-highlighted' : ''}`}
      style={{ width, height }}
    >
      <Handle
        type="target"
        position={orientation === 'horizontal' ? Position.Left : Position.Top}
        isConnectable={false}
      />
      <div className="gateway-head">
        <strong>API gateway</strong>
        <span className="gateway-counts" aria-label="Responses by status">
          {STATUSES.map((status) => (
            <span
              key={status}
              className={`status-chip status-${status}`}
              data-gateway-count={status}
            >
              {status}: {counts[status]}
            </span>
          ))}
        </span>
      </div>
      <div className="stage-row">
        {STAGES.map((stage, i) => (
          <StageBox key={stage} stage={stage} detail={details[stage]} index={i} />
        ))}
      </div>
      <Handle
        type="source"
        position={orientation === 'horizontal' ? Position.Right : Position.Bottom}
        isConnectable={false}
      />
    </div>
  );
});

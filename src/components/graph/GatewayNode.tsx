import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useCallback, useMemo } from 'react';
import { ALGORITHMS, type StageName } from '../../engine';
import { routesSummary } from '../../content/routesSummary';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useShownTraces, type AppState } from '../../store';
import { limiterLimits } from '../../store/challengeSlice';
import { PREPARER_NAME as ROUTE_LOOKUP_PREPARER } from '../exercises/routeLookupPreparer';
import { STATUSES } from '../log/statusCounts';
import { drawnStages } from './layout';
import { countUpTo, decidedTimes } from './served';
import { GATEWAY_NODE_ID, stageHighlightId, type GatewayNodeType } from './nodeData';

function StageBox({
  stage,
  label,
  detail,
  index,
}: {
  stage: StageName;
  label: string;
  detail: string;
  index: number;
}) {
  const highlighted = useAppStore((s) => s.highlight === stageHighlightId(stage));
  return (
    <div className={`stage-box${highlighted ? ' is-highlighted' : ''}`} data-stage={stage}>
      <span className="stage-step">{index + 1}</span>
      <strong>{label}</strong>
      <span>{detail}</span>
    </div>
  );
}

/** No request decided with a status yet. */
const NONE = new Float64Array(0);

/** The gateway: its three stages in order, and how many requests got each status. */
export const GatewayNode = memo(function GatewayNode({ data }: NodeProps<GatewayNodeType>) {
  const { orientation, size, width, height, stageTop, stageHeight } = data;
  const traces = useShownTraces((s) => s.traces);
  const older = useShownTraces((s) => s.olderTraces);
  const settings = useAppStore((s) => s.settings);
  const profile = useAppStore((s) => s.profile);
  const gateway = useAppStore((s) => s.gateway);
  // The profile decides the stages' order and labels; its gateway object stays the same.
  const stages = useMemo(() => drawnStages(gateway, profile), [gateway, profile]);
  const routes = useAppStore((s) => s.routes);
  const highlighted = useAppStore((s) => s.highlight === GATEWAY_NODE_ID);
  // Learner code can stand in for a stage (the challenge's limiter, experiment 4's lookup).
  const learnerLimiter = useAppStore((s) => s.learnerLimiter.active);
  const limits = useAppStore(useShallow(limiterLimits));
  const learnerLookup = useAppStore((s) => s.preparers.has(ROUTE_LOOKUP_PREPARER));
  // Sorted once per change of the traces; each frame is then four binary searches on the clock.
  const times = useMemo(() => decidedTimes(traces), [traces]);
  const shownCounts = useAppStore(
    useCallback(
      (s: AppState) =>
        STATUSES.map((status) => countUpTo(times.get(status) ?? NONE, s.clockMs)).join(' '),
      [times],
    ),
  );
  // Summarised requests are long decided: they count at once.
  const counts = shownCounts
    .split(' ')
    .map((n, i) => Number(n) + (older.byStatus[STATUSES[i] ?? 0] ?? 0));
  const algorithm =
    ALGORITHMS.find((a) => a.name === settings.algorithm)?.label ?? settings.algorithm;
  const details: Record<StageName, string> = {
    auth: settings.keyMode === 'registered' ? 'registered keys' : 'any key',
    'rate-limit': `${limits.maxRequests} per ${limits.windowMs / 1000} s, ${learnerLimiter ? 'your RateLimiter' : algorithm}`,
    router: learnerLookup ? `${routes.length} routes, your findRoute` : routesSummary(routes),
  };
  return (
    <div
      className={`graph-node gateway-node graph-node--${size}${highlighted ? ' is-highlighted' : ''}`}
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
          {STATUSES.map((status, i) => (
            <span
              key={status}
              className={`status-chip status-${status}`}
              data-gateway-count={status}
            >
              {status}: {counts[i]}
            </span>
          ))}
        </span>
      </div>
      <div className="stage-row" style={{ top: stageTop, height: stageHeight }}>
        {stages.map((stage, i) => (
          <StageBox
            key={stage.name}
            stage={stage.name}
            label={stage.label}
            detail={details[stage.name] ?? ''}
            index={i}
          />
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

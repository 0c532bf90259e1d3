import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useCallback, useMemo } from 'react';
import type { StageInfo } from '../../engine';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useShownTraces, type AppState } from '../../store';
import { shownStatuses } from '../log/statusCounts';
import { EXPLANATION_ID } from './explain/explanationId';
import type { Box } from './layout';
import { stageDetails } from './stageDetails';
import { countUpTo, decidedTimes } from './served';
import { GATEWAY_NODE_ID, stageHighlightId, type GatewayNodeType } from './nodeData';

function StageBox({
  info,
  box,
  detail,
  index,
  count,
  compact,
}: {
  info: StageInfo;
  box: Box;
  detail: string;
  index: number;
  count: number;
  compact: boolean;
}) {
  const highlighted = useAppStore((s) => s.highlight === stageHighlightId(info.name));
  const selected = useAppStore(
    (s) => s.selection?.kind === 'stage' && s.selection.stage === info.name,
  );
  return (
    <button
      type="button"
      className={`stage-box nodrag nopan${highlighted ? ' is-highlighted' : ''}${compact ? ' is-compact' : ''}${selected ? ' is-selected' : ''}`}
      style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
      data-stage={info.name}
      aria-label={`${info.label}, stage ${index + 1} of ${count}${detail === '' ? '' : `: ${detail}`}. Explain`}
      aria-expanded={selected}
      aria-controls={selected ? EXPLANATION_ID : undefined}
      title={`${info.label}: ${info.description}${compact && detail !== '' ? ` (${detail})` : ''}`}
      onClick={() =>
        useAppStore.getState().select(selected ? null : { kind: 'stage', stage: info.name })
      }
    >
      <span className="stage-title">
        <span className="stage-step">{index + 1}</span>
        <strong>{info.label}</strong>
      </span>
      {!compact && <span>{detail}</span>}
    </button>
  );
}

/** No request decided with a status yet. */
const NONE = new Float64Array(0);

/** The gateway: the stages the engine runs, in order, and how many requests got each status. */
export const GatewayNode = memo(function GatewayNode({ data }: NodeProps<GatewayNodeType>) {
  const { orientation, size, width, height, stages, compact } = data;
  const info = useAppStore((s) => s.gateway.stages());
  const traces = useShownTraces((s) => s.traces);
  const older = useShownTraces((s) => s.olderTraces);
  const highlighted = useAppStore((s) => s.highlight === GATEWAY_NODE_ID);
  const details = useAppStore(useShallow(stageDetails));
  // Sorted once per change of the traces; each frame is then four binary searches on the clock.
  const times = useMemo(() => decidedTimes(traces), [traces]);
  // The lesson's four always, and any other status (502, 503, 504, …) once one was answered.
  const statuses = useMemo(
    () => shownStatuses([...times.keys(), ...Object.keys(older.byStatus).map(Number)]),
    [times, older],
  );
  const shownCounts = useAppStore(
    useCallback(
      (s: AppState) =>
        statuses.map((status) => countUpTo(times.get(status) ?? NONE, s.clockMs)).join(' '),
      [times, statuses],
    ),
  );
  // Summarised requests are long decided: they count at once.
  const counts = shownCounts
    .split(' ')
    .map((n, i) => Number(n) + (older.byStatus[statuses[i] ?? 0] ?? 0));
  const infoByName = new Map(info.map((stage) => [stage.name, stage]));
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
          {statuses.map((status, i) => (
            <span
              key={status}
              className={`status-chip status-${status} status-${Math.floor(status / 100)}xx`}
              data-gateway-count={status}
            >
              {status}: {counts[i]}
            </span>
          ))}
        </span>
      </div>
      <div className="stage-row">
        {stages.map(({ name, box }, i) => {
          const stage = infoByName.get(name);
          return stage === undefined ? null : (
            <StageBox
              key={name}
              info={stage}
              box={box}
              detail={details[name] ?? ''}
              index={i}
              count={stages.length}
              compact={compact}
            />
          );
        })}
      </div>
      <Handle
        type="source"
        position={orientation === 'horizontal' ? Position.Right : Position.Bottom}
        isConnectable={false}
      />
    </div>
  );
});

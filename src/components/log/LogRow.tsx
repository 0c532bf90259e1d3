import { memo } from 'react';
import type { HttpStatus, RequestTrace } from '../../engine';
import { STAGE_LABELS } from '../../content/services';
import { formatInstant } from '../playback/timeline';
import { EXPLANATION_ID } from '../graph/explain/explanationId';
import { STATUS_TEXT } from './statusCounts';
import { traceReason } from './traceReason';

export const ROW_HEIGHT_PX = 34;

const STAGE_NAMES: Readonly<Record<string, string>> = {
  ...STAGE_LABELS,
  service: 'Service',
};

/** The log's columns, in the rows' order: the headings row reads them too. */
export const LOG_COLUMNS = [
  '#',
  'Arrived',
  'Client',
  'Request',
  'Status',
  'Decided by: why',
  'Service',
  '',
] as const;
const SHAPES: Readonly<Record<HttpStatus, string>> = { 200: '●', 401: '■', 404: '◆', 429: '▲' };

/**
 * One request in the log: number, time, client, method and path, status, the deciding stage with
 * its reason, and service. A click on the row opens its explanation, as its button does; the
 * request whose explanation is open is marked (a bar and "Hide", not colour alone).
 */
export const LogRow = memo(function LogRow({
  trace,
  top,
  position,
  setSize,
  clientLabel,
  selected,
  onSelect,
}: {
  trace: RequestTrace;
  top: number;
  position: number;
  setSize: number;
  clientLabel: string;
  selected: boolean;
  onSelect: (id: number) => void;
}) {
  const { status, method } = trace.decision;
  const reason = traceReason(trace);
  const stage = STAGE_NAMES[trace.decision.decidedBy] ?? trace.decision.decidedBy;
  return (
    <li
      onClick={(e) => {
        // The button toggles by itself; a click elsewhere on the row does the same, and focuses
        // the button, so Escape in the explanation comes back to this row.
        if (e.target instanceof HTMLButtonElement) return;
        e.currentTarget.querySelector('button')?.focus({ preventScroll: true });
        onSelect(trace.id);
      }}
      className={`log-row${selected ? ' is-selected' : ''}`}
      style={{ top, height: ROW_HEIGHT_PX }}
      data-status={status}
      data-trace-id={trace.id}
      aria-posinset={position}
      aria-setsize={setSize}
    >
      {/* One text node per cell (template strings): a burst adds a dozen rows at once, and
          every extra node is more layout in that frame. */}
      <span className="log-id">{`#${trace.id}`}</span>
      <span className="log-time">{formatInstant(trace.arrivedAtMs)}</span>
      <span className="log-client">{clientLabel}</span>
      <code className="log-path">
        {method === 'GET' ? trace.request.path : `${method} ${trace.request.path}`}
      </code>
      <span className={`status-chip status-${status} status-${Math.floor(status / 100)}xx`}>
        {`${SHAPES[status] ?? '✖'} ${status} `}
        <span className="status-text">{STATUS_TEXT[status]}</span>
      </span>
      <span className="log-stage" title={reason === '' ? stage : `${stage}: ${reason}`}>
        {reason === '' ? stage : `${stage}: ${reason}`}
      </span>
      <span className="log-service">
        {trace.decision.upstream?.instance ?? trace.decision.service ?? '—'}
      </span>
      <button
        type="button"
        className="log-more"
        aria-expanded={selected}
        aria-controls={selected ? EXPLANATION_ID : undefined}
        aria-label={`${selected ? 'Hide' : 'Headers'} of request ${trace.id}`}
        onClick={() => onSelect(trace.id)}
      >
        {selected ? 'Hide' : 'Headers'}
      </button>
    </li>
  );
});

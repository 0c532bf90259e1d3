import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { HttpStatus, RequestTrace } from '../../engine';
import { postTask } from '../scheduling/postTask';
import { clientById } from '../../content/services';
import { useAppStore, useLogTraces } from '../../store';
import { LOG_COLUMNS, LogRow, ROW_HEIGHT_PX } from './LogRow';
import { rowWindow, sliceNewRows } from './logWindow';
import { addCounts, countByStatus, shownStatuses, STATUS_TEXT } from './statusCounts';
import './log.css';

const VIEW_HEIGHT_PX = 320;
const OVERSCAN = 3;
/**
 * Rows new to the page rendered in one task; the others follow, each few in a task of its own
 * (sliceNewRows). About 10 ms of style and layout at a quarter of a laptop's speed.
 */
const NEW_ROWS_PER_TASK = 4;

function traceIdOf(element: Element): number | null {
  const id = element.closest('[data-trace-id]')?.getAttribute('data-trace-id');
  return id === null || id === undefined ? null : Number(id);
}

/** A log row's click: the store's one selection, shared with the graph. */
const toggleRequest = (id: number) => useAppStore.getState().toggleRequest(id);

/**
 * Every request, newest first, filterable by status. Only the rows in view are rendered, so
 * 10,000 requests scroll as easily as 6; every one stays reachable by scrolling. A row opens its
 * request's explanation under the graph, as a click on its packet does; the open one is marked.
 */
export function RequestLog() {
  const traces = useLogTraces((s) => s.traces);
  const older = useLogTraces((s) => s.olderTraces);
  const [filter, setFilter] = useState<HttpStatus | 'all'>('all');
  const [scrollTop, setScrollTop] = useState(0);
  // Reset clears a selected request in the store: ids start at 1 again in a new run.
  const selectedId = useAppStore((s) => (s.selection?.kind === 'request' ? s.selection.id : null));
  /** The request whose row holds keyboard focus: it stays rendered when pushed out of view. */
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const counts = useMemo(() => addCounts(older.byStatus, countByStatus(traces)), [older, traces]);
  const rows = useMemo(() => {
    const shown = filter === 'all' ? traces : traces.filter((t) => t.decision.status === filter);
    return [...shown].reverse();
  }, [traces, filter]);
  const focusedIndex = useMemo(
    () => (focusedId === null ? -1 : rows.findIndex((t) => t.id === focusedId)),
    [rows, focusedId],
  );
  const { first, last, kept } = rowWindow(
    rows.length,
    scrollTop,
    VIEW_HEIGHT_PX,
    ROW_HEIGHT_PX,
    OVERSCAN,
    focusedIndex,
  );
  const wanted = rows.slice(first, last).map((trace, i) => ({ trace, index: first + i }));
  if (kept >= 0) wanted.push({ trace: rows[kept] as RequestTrace, index: kept });
  /** The requests whose rows are in the page, as of the last commit. */
  const [inPage, setInPage] = useState<ReadonlySet<number>>(() => new Set());
  const { now: rendered, later } = sliceNewRows(
    wanted,
    ({ trace }) => inPage.has(trace.id),
    NEW_ROWS_PER_TASK,
  );
  // Once the rows are in the page, the next few come in a task of their own: every row in view
  // is there within a few tasks, never all of a burst's first rows in one.
  useEffect(() => {
    const ids = rendered.map(({ trace }) => trace.id);
    if (later === 0 && ids.length === inPage.size && ids.every((id) => inPage.has(id))) return;
    return postTask(() => setInPage(new Set(ids)));
  }, [rendered, later, inPage]);
  const list = useRef<HTMLOListElement>(null);
  // New rows are laid out in a task of their own, posted as they go into the page, rather than in
  // the next frame, which also paints and draws the packets: a burst's first rows are the page's
  // biggest layout, and in one task with a frame they made the longest task of a burst.
  // (Reading a layout figure lays the page out then; the frame finds it laid out. Should the
  // frame come first, it lays them out as before.)
  useLayoutEffect(() => {
    const element = list.current;
    if (element === null) return;
    return postTask(() => void element.offsetHeight);
  }, [rows, first, last, rendered.length]);

  return (
    <section className="request-log" aria-labelledby="log-title">
      <h3 id="log-title">Request log</h3>
      <div className="log-filters" role="group" aria-label="Filter by status">
        <button type="button" aria-pressed={filter === 'all'} onClick={() => setFilter('all')}>
          All <span data-testid="count-all">{older.count + traces.length}</span>
        </button>
        {shownStatuses(Object.keys(counts).map(Number)).map((status) => (
          <button
            key={status}
            type="button"
            aria-pressed={filter === status}
            className={`filter-${status}`}
            onClick={() => setFilter(status)}
          >
            {status} {STATUS_TEXT[status]}{' '}
            <span data-testid={`count-${status}`}>{counts[status]}</span>
          </button>
        ))}
      </div>
      {/* Visible headings for sighted readers; each row's cells read in the same order. */}
      <div className="log-row log-head" aria-hidden="true">
        {LOG_COLUMNS.map((heading, i) => (
          <span key={i}>{heading}</span>
        ))}
      </div>
      <div
        className="log-scroll"
        // A fixed height: the first rows of a burst must not move the rest of the page, which
        // would lay out the whole lesson below in the same frame.
        style={{ height: VIEW_HEIGHT_PX }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        tabIndex={0}
        aria-label="Request log, scrollable"
      >
        {rows.length === 0 && older.count === 0 && (
          <p className="log-empty">No requests yet. Press “Send burst”.</p>
        )}
        <ol
          ref={list}
          aria-label="Request log"
          className="log-list"
          style={{ height: rows.length * ROW_HEIGHT_PX }}
          onFocus={(e) => setFocusedId(traceIdOf(e.target))}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget)) setFocusedId(null);
          }}
        >
          {rendered.map(({ trace, index }) => (
            <LogRow
              // Keyed by request, not by place: a focused "Headers" button must stay with its
              // request when newer ones push it down, not silently show another one.
              key={trace.id}
              trace={trace}
              top={index * ROW_HEIGHT_PX}
              position={index + 1}
              setSize={rows.length}
              clientLabel={clientById(trace.request.clientId).label}
              selected={trace.id === selectedId}
              onSelect={toggleRequest}
            />
          ))}
        </ol>
      </div>
      {older.count > 0 && (
        <p className="log-summarised" data-testid="log-summarised">
          The {older.count.toLocaleString('en')} oldest requests are summarised: they count in the
          totals above, and only the newest {traces.length.toLocaleString('en')} are listed.
        </p>
      )}
    </section>
  );
}

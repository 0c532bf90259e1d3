import { useAppStore } from '../../../store';
import { keptRequest, TRACE_WINDOW } from '../../../store/traceWindow';
import { TraceDetails } from '../../log/TraceDetails';
import { formatClock } from '../../playback/timeline';

/**
 * One request explained, found by its id among the requests the store keeps: in full (its
 * details), summarised (only counted now), or not decided at this moment (rewound before it).
 */
export function RequestExplanation({
  id,
  among,
  onClose,
}: {
  id: number;
  /** How many requests the clicked packet stood for. */
  among: number;
  onClose: () => void;
}) {
  const traces = useAppStore((s) => s.traces);
  const olderTraces = useAppStore((s) => s.olderTraces);
  const kept = keptRequest({ traces, olderTraces }, id);
  // The clock only matters to a request not decided yet: no render per frame otherwise.
  const clockMs = useAppStore((s) => (kept.kind === 'undecided' ? s.clockMs : 0));
  if (kept.kind !== 'full') {
    return (
      <section className="trace-details" aria-label={`Details of request ${id}`}>
        <h4 tabIndex={-1}>Request #{id}</h4>
        <p>
          {kept.kind === 'summarised'
            ? `Its details are gone: the page keeps the newest ${TRACE_WINDOW.toLocaleString('en')} requests in full, and older ones only as counts in the totals.`
            : `It has not reached the gateway at this moment (${formatClock(clockMs)}): the playground is shown from before it arrived.`}
        </p>
        <button type="button" onClick={onClose}>
          Close details
        </button>
      </section>
    );
  }
  return (
    <>
      {among > 1 && (
        <p className="explanation-among">
          The dot you clicked stood for {among} requests; this is the newest of them. Each has its
          own row in the request log.
        </p>
      )}
      <TraceDetails trace={kept.trace} onClose={onClose} />
    </>
  );
}

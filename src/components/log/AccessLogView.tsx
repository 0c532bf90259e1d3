import { useMemo } from 'react';
import { toNdjson, type AccessLogRecord } from '../../engine';
import { useAppStore, useLogTraces } from '../../store';

/** The newest lines shown in the table; the download holds every line the engine keeps. */
const SHOWN_LINES = 50;

function download(records: readonly AccessLogRecord[]): void {
  const blob = new Blob([toNdjson(records)], { type: 'application/x-ndjson' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'access-log.ndjson';
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The engine's access log (when that stage is on): one structured line per request, the newest
 * first, and the whole log as NDJSON, one JSON object per line, as log pipelines ingest it.
 */
export function AccessLogView() {
  const on = useAppStore((s) => s.pipeline.accessLog);
  const gateway = useAppStore((s) => s.gateway);
  // The gateway writes a line as each request is decided: re-read when the decided traces change.
  const traces = useLogTraces((s) => s.traces);
  const records = useMemo(
    () => (on ? gateway.accessLog() : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- traces: the log grows with them
    [on, gateway, traces],
  );
  if (!on) return null;
  const shown = records.slice(-SHOWN_LINES).reverse();
  return (
    <section className="access-log" aria-labelledby="access-log-title">
      <h3 id="access-log-title">Access log</h3>
      <p className="field-note">
        {records.length.toLocaleString('en')} lines; the newest{' '}
        {Math.min(SHOWN_LINES, records.length)} below.{' '}
        <button type="button" onClick={() => download(records)} disabled={records.length === 0}>
          Download NDJSON
        </button>
      </p>
      <div className="access-log-scroll" tabIndex={0} aria-label="Access log lines, scrollable">
        <table>
          <thead>
            <tr>
              <th scope="col">Time (ms)</th>
              <th scope="col">Id</th>
              <th scope="col">Client</th>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Status</th>
              <th scope="col">Decided by</th>
              <th scope="col">Upstream</th>
              <th scope="col">Latency (ms)</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr key={`${r.timeMs}-${r.id ?? ''}-${i}`}>
                <td>{Math.round(r.timeMs)}</td>
                <td>{r.id ?? '—'}</td>
                <td>{r.client ?? '—'}</td>
                <td>{r.method}</td>
                <td>
                  <code>{r.path}</code>
                </td>
                <td>{r.status}</td>
                <td>{r.decidedBy}</td>
                <td>{r.upstream ?? '—'}</td>
                <td>{Math.round(r.latencyMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

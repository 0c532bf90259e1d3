import { useId, useState } from 'react';
import { formatDuration } from '../../engine/lab';
import type { LabView } from './labProtocol';
import { LAB_TABLE_ROWS } from '../../content/lab';
import { formatAxisTime, formatLevel, requestRows, runStateAt } from './labModel';
import { ScrollBox } from './ScrollBox';

/** The table alternative to the timelines: every algorithm's state at the cursor, and its requests. */
export function LabTables({ result, cursorMs }: { result: LabView; cursorMs: number }) {
  const [shownAlgorithm, setShownAlgorithm] = useState(result.runs[0]?.algorithm ?? '');
  const selectId = useId();
  const run = result.runs.find((r) => r.algorithm === shownAlgorithm) ?? result.runs[0];
  return (
    <div className="lab-tables">
      <ScrollBox label="State at the cursor, scrollable">
        <table className="lab-table">
          <caption>State of every algorithm at {formatAxisTime(cursorMs)}</caption>
          <thead>
            <tr>
              <th scope="col">Algorithm</th>
              <th scope="col">Allowed so far</th>
              <th scope="col">Refused so far</th>
              <th scope="col">State</th>
              <th scope="col">Marked moment</th>
            </tr>
          </thead>
          <tbody>
            {result.runs.map((r) => {
              const state = runStateAt(r, cursorMs);
              return (
                <tr key={r.algorithm}>
                  <th scope="row">{r.label}</th>
                  <td>{state.allowedSoFar}</td>
                  <td>{state.refusedSoFar}</td>
                  <td>
                    {formatLevel(state.level, r.gauge.exact)} of {r.gauge.max} {r.gauge.label}
                  </td>
                  <td>
                    {state.markMs === null || r.gauge.markLabel === null
                      ? '—'
                      : `${r.gauge.markLabel}: ${formatAxisTime(state.markMs)}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      {run === undefined ? null : (
        <>
          <p className="inline-form">
            <label htmlFor={selectId}>Requests as decided by</label>
            <select
              id={selectId}
              value={run.algorithm}
              onChange={(event) => setShownAlgorithm(event.target.value)}
            >
              {result.runs.map((r) => (
                <option key={r.algorithm} value={r.algorithm}>
                  {r.label}
                </option>
              ))}
            </select>
          </p>
          <ScrollBox label="Requests, scrollable" tall>
            <table className="lab-table">
              <caption>
                {run.label}: {Math.min(LAB_TABLE_ROWS, run.requests.count)} of {run.requests.count}{' '}
                requests
                {run.requests.count > LAB_TABLE_ROWS
                  ? ' (the first ones; the figures count all)'
                  : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Time</th>
                  <th scope="col">Try</th>
                  <th scope="col">Decision</th>
                  <th scope="col">Wait</th>
                  <th scope="col">{run.gauge.label} after</th>
                </tr>
              </thead>
              <tbody>
                {requestRows(run.requests, LAB_TABLE_ROWS).map((request, i) => (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    <td>{formatAxisTime(request.atMs)}</td>
                    <td>{request.attempt === 0 ? 'first' : `retry ${request.attempt}`}</td>
                    <td>{request.allowed ? '● allowed' : '✕ refused'}</td>
                    <td>{request.waitMs > 0 ? formatDuration(request.waitMs) : '—'}</td>
                    <td>{formatLevel(request.level, run.gauge.exact)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
    </div>
  );
}

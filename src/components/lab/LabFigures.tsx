import { formatDuration } from '../../engine/lab';
import type { LabView } from './labProtocol';
import { LAB_FIGURE_NOTES } from '../../content/lab';
import { formatRate } from './labModel';
import { ScrollBox } from './ScrollBox';

/** The figures per algorithm, from the engine's run; decisions per second measured in this tab. */
export function LabFigures({ result }: { result: LabView }) {
  const { maxRequests, windowMs } = result.limit;
  return (
    <>
      <ScrollBox label="Figures, scrollable">
        <table className="lab-table" aria-label="Figures per algorithm">
          <caption>
            Figures for this trace, limit {maxRequests} per {formatDuration(windowMs)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Algorithm</th>
              <th scope="col">Sent</th>
              <th scope="col">Allowed</th>
              <th scope="col">Refused</th>
              <th scope="col" title={LAB_FIGURE_NOTES.mostInAnyWindow}>
                Most in any {formatDuration(windowMs)}
              </th>
              <th scope="col" title={LAB_FIGURE_NOTES.longestWait}>
                Longest wait
              </th>
              <th scope="col" title={LAB_FIGURE_NOTES.memory}>
                Memory per client
              </th>
              <th scope="col" title={LAB_FIGURE_NOTES.decisionsPerSecond}>
                Decisions per second
              </th>
            </tr>
          </thead>
          <tbody>
            {result.runs.map((run) => {
              const f = run.figures;
              const over = f.mostInAnyWindow > maxRequests;
              return (
                <tr key={run.algorithm}>
                  <th scope="row">{run.label}</th>
                  <td>{f.sent}</td>
                  <td>{f.allowed}</td>
                  <td>{f.refused}</td>
                  <td data-figure="most-in-any-window" className={over ? 'lab-table__over' : ''}>
                    {f.mostInAnyWindow}
                    {over ? ' (over)' : ''}
                  </td>
                  <td>{formatDuration(f.longestWaitMs)}</td>
                  <td>{f.memoryBytesPerClient} bytes</td>
                  <td>{formatRate(f.decisionsPerSecond)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <dl className="lab-notes">
        <dt>Most in any window</dt>
        <dd>{LAB_FIGURE_NOTES.mostInAnyWindow}</dd>
        <dt>Longest wait</dt>
        <dd>{LAB_FIGURE_NOTES.longestWait}</dd>
        <dt>Memory per client</dt>
        <dd>{LAB_FIGURE_NOTES.memory}</dd>
        <dt>Decisions per second</dt>
        <dd>{LAB_FIGURE_NOTES.decisionsPerSecond}</dd>
      </dl>
    </>
  );
}

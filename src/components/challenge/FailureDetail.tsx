import type { CallTable } from '../../challenge/types';

/**
 * A failing case's calls up to the one that failed, as the judge reported them: every answer and
 * every "differs" comes from the report; nothing is computed here.
 */
export function FailureDetail({ table }: { table: CallTable }) {
  return (
    // Focusable: a wide table scrolls sideways, and the keyboard must reach it.
    <div
      className="challenge-scroll"
      tabIndex={0}
      role="group"
      aria-label="Calls of the failing case"
    >
      <table className="challenge-failure">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Call</th>
            {table.columns.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.number} className={row.failing ? 'is-failing' : undefined}>
              <td>{row.number}</td>
              <td>
                <code>{row.call}</code>
              </td>
              {row.answers.map((answer, k) => (
                <td key={k} data-label={table.columns[k]}>
                  {row.differs[k] === true ? <strong>{answer} (differs)</strong> : answer}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

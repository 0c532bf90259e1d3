import { useState } from 'react';
import type { OwnCaseResult } from '../../challenge/ownCases/report';

/** Rows shown before "Show all": a case may hold 1,000 calls. */
const ROWS_SHOWN = 50;

const marked = (text: string, differs: boolean) =>
  differs ? <strong>{text} (differs)</strong> : text;

/**
 * What the judge answered for one of the learner's cases: per call, the learner's code, their
 * expectation and the reference. Every value and every "differs" comes from the report.
 */
export function OwnCaseResultView({ result }: { result: OwnCaseResult }) {
  const [showAll, setShowAll] = useState(false);
  if (result.invalid !== null) {
    // The problem itself is shown beside its field, above.
    return (
      <p className="own-case__summary is-fail" data-testid="own-case-result">
        <strong>✗</strong> Not run: fix the field marked above, then run again.
      </p>
    );
  }
  const withExpectation = result.rows.some((row) => row.yourExpectation !== null);
  const rows = showAll ? result.rows : result.rows.slice(0, ROWS_SHOWN);
  const ok =
    result.invalid === null && result.agrees && !result.rows.some((r) => r.expectationDiffers);
  return (
    <div className="own-case__result" data-testid="own-case-result">
      <p className={ok ? 'own-case__summary is-pass' : 'own-case__summary is-fail'}>
        <strong>{ok ? '✓' : '✗'}</strong> {result.summary}
      </p>
      {rows.length > 0 ? (
        // Focusable: a wide table scrolls sideways, and the keyboard must reach it.
        <div
          className="challenge-scroll"
          tabIndex={0}
          role="group"
          aria-label={`Calls of case ${result.number}`}
        >
          <p className="hint">“(differs)” marks an answer that is not the reference’s.</p>
          <table className="challenge-failure">
            <caption>
              Case {result.number}: {result.settings}
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Call</th>
                <th scope="col">Yours</th>
                {withExpectation ? <th scope="col">You expected</th> : null}
                <th scope="col">Reference</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr
                  key={i}
                  className={row.yoursDiffers || row.expectationDiffers ? 'is-failing' : undefined}
                >
                  <td>{i + 1}</td>
                  <td>
                    <code>{row.call}</code>
                  </td>
                  <td data-label="Yours">{marked(row.yours, row.yoursDiffers)}</td>
                  {withExpectation ? (
                    <td data-label="You expected">
                      {marked(row.yourExpectation ?? '', row.expectationDiffers)}
                    </td>
                  ) : null}
                  <td data-label="Reference">{row.reference}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!showAll && result.rows.length > ROWS_SHOWN ? (
        <button type="button" onClick={() => setShowAll(true)}>
          Show all {result.rows.length.toLocaleString('en')} calls
        </button>
      ) : null}
    </div>
  );
}

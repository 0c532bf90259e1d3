import { referenceDecisions } from '../../challenge/reference';
import type { Mismatch } from '../../challenge/types';

/** Most calls listed before the failing one; earlier ones are summarised. */
const SHOWN_BEFORE = 12;

/** A decision as the call returned it: the words true and false, as code prints them. */
const shown = (value: boolean | null) => (value === null ? 'threw' : String(value));

/** The failing sequence as a table, ending with the call where the answers differ. */
export function FailureDetail({ mismatch }: { mismatch: Mismatch }) {
  const { limiterCase, index } = mismatch;
  const first = Math.max(0, index - SHOWN_BEFORE);
  const rows = limiterCase.calls.slice(first, index + 1);
  const expected = referenceDecisions({
    ...limiterCase,
    calls: limiterCase.calls.slice(0, index + 1),
  });
  return (
    <div className="challenge-scroll">
      <table className="challenge-failure">
        <caption>
          maxRequests {limiterCase.maxRequests}, windowMs {limiterCase.windowMs}
          {first > 0 ? ` — ${first} earlier calls not shown` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Call</th>
            <th scope="col">Expected</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((call, offset) => {
            const i = first + offset;
            const isFailing = i === index;
            return (
              <tr key={i} className={isFailing ? 'is-failing' : undefined}>
                <td>{i + 1}</td>
                <td>
                  <code>
                    allowRequest("{call.clientId}", {call.timestampMs})
                  </code>
                </td>
                <td>{shown(expected[i] ?? null)}</td>
                <td>
                  {isFailing ? (
                    <strong>{shown(mismatch.actual)} (differs)</strong>
                  ) : (
                    shown(expected[i] ?? null)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import { useMemo } from 'react';
import { normalisePath } from '../../engine';
import { PATH_BYPASS_TEXT, pathBypassDecisions } from '../../content/pathBypass';
import { RichTextView } from './RichTextView';

/** The `/api/users/../admin` bypass, with path normalisation off and on, as the engine decides it. */
export function PathBypass() {
  const rows = useMemo(() => pathBypassDecisions(), []);
  return (
    <div className="path-bypass">
      <RichTextView text={PATH_BYPASS_TEXT} />
      <table>
        <caption className="visually-hidden">
          The same request with normalisation off and on
        </caption>
        <thead>
          <tr>
            <th scope="col">Path normalisation</th>
            <th scope="col">Path the router saw</th>
            <th scope="col">Status</th>
            <th scope="col">Answer</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ normalise, decision }) => (
            <tr key={String(normalise)}>
              <th scope="row">{normalise ? 'On' : 'Off'}</th>
              <td>
                <code>
                  {normalise ? normalisePath(decision.request.path) : decision.request.path}
                </code>
              </td>
              <td>{decision.status}</td>
              <td>{decision.body}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

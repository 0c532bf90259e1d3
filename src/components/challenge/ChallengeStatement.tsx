import { SAMPLE_TESTS } from '../../content/challenge/samples';
import { challengeContent } from '../../content/challenges';
import { useAppStore } from '../../store';
import { CodeText } from '../lesson/CodeText';

const answer = (allowed: boolean) => (allowed ? '✓ true' : '✗ false');

/** The task, its rules, and the two worked examples (which are also the visible sample tests). */
export function ChallengeStatement() {
  const activeId = useAppStore((s) => s.activeChallengeId);
  const { task, rules } = challengeContent(activeId);
  return (
    <div className="challenge-statement">
      <p>
        <CodeText text={task} />
      </p>
      <h3>Rules the tests check</h3>
      <ul>
        {rules.map((rule) => (
          <li key={rule}>
            <CodeText text={rule} />
          </li>
        ))}
      </ul>
      {activeId === 'sliding-window' ? <h3>Worked examples</h3> : null}
      {(activeId === 'sliding-window' ? SAMPLE_TESTS : []).map((sample) => (
        <div key={sample.name} className="challenge-scroll">
          <table className="challenge-example">
            <caption>
              {sample.name} (maxRequests {sample.maxRequests}, windowMs {sample.windowMs})
            </caption>
            <thead>
              <tr>
                <th scope="col">Call</th>
                <th scope="col">Returns</th>
              </tr>
            </thead>
            <tbody>
              {sample.calls.map((call, i) => (
                <tr key={i}>
                  <td>
                    <code>
                      allowRequest("{call.clientId}", {call.timestampMs})
                    </code>
                  </td>
                  <td>{answer(sample.expected[i] === true)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}

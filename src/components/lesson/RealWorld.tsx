import { REAL_GATEWAYS } from '../../content/realWorld';
import { Term } from './Term';

/** Section 8: real gateways, what they take care of, and where they differ from ours. */
export function RealWorld() {
  return (
    <>
      <p>
        Real gateways do the same three jobs, but not always in the same order or with the same
        answers. Knowing the differences saves you a debugging session: an unexpected 403 or 503
        usually means the gateway in front of you works differently from the{' '}
        <Term id="gateway">gateway</Term> in this lesson.
      </p>
      <ul className="real-world">
        {REAL_GATEWAYS.map((gateway) => (
          <li key={gateway.id} className="real-world__item">
            <h3>{gateway.name}</h3>
            <p>{gateway.what}</p>
            <p>
              <strong>Handles:</strong> {gateway.handles.join('; ')}.
            </p>
            <p>
              <strong>Differs from our gateway:</strong>
            </p>
            <ul>
              {gateway.differences.map((difference) => (
                <li key={difference}>{difference}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

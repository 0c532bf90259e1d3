import type { RequestTrace } from '../../engine';
import { STATUS_TEXT } from './statusCounts';

/** One request's response headers and what each stage said about it. */
export function TraceDetails({ trace, onClose }: { trace: RequestTrace; onClose: () => void }) {
  const { decision } = trace;
  // Every header the engine wrote: each profile writes its own (Kong's RateLimit-*, Envoy's x-envoy-ratelimited).
  const headers = Object.keys(decision.headers);
  return (
    <section className="trace-details" aria-label={`Details of request ${trace.id}`}>
      <h4>
        Request #{trace.id}: {decision.status} {STATUS_TEXT[decision.status]}
      </h4>
      <p>
        <code>{decision.body}</code>
      </p>
      <h5>Response headers</h5>

      <dl className="header-list">
        {headers.map((h) => (
          <div key={h}>
            <dt>{h}</dt>
            <dd>
              <code>{decision.headers[h]}</code>
            </dd>
          </div>
        ))}
      </dl>
      <h5>Stages</h5>
      <ol className="stage-notes">
        {decision.stages.map((s) => (
          <li key={s.stage}>
            <strong>{s.stage}</strong>: {s.verdict === 'pass' ? 'passed' : 'refused'}, {s.note}
          </li>
        ))}
      </ol>
      <button type="button" onClick={onClose}>
        Close details
      </button>
    </section>
  );
}

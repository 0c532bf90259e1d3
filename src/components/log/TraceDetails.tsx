import { memo } from 'react';
import { LESSON_PROFILE, type RequestTrace } from '../../engine';
import { STAGE_LABELS } from '../../content/services';
import { STATUS_TEXT } from './statusCounts';
import { traceReason } from './traceReason';
import { VERDICT_WORDS } from './verdictWords';

function headerLines(headers: Readonly<Record<string, string>>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

/**
 * One request explained: what decided it and why, its id, the request as it arrived and as the
 * gateway forwarded it, the instance that answered, the cache's verdict, the response headers and
 * what each stage said. Memoised: the store's list of requests changes every frame of a burst,
 * the request shown does not.
 */
export const TraceDetails = memo(function TraceDetails({
  trace,
  onClose,
}: {
  trace: RequestTrace;
  onClose: () => void;
}) {
  const { decision } = trace;
  // Every header the engine wrote: each profile writes its own (Kong's RateLimit-*, Envoy's x-envoy-ratelimited).
  const headers = Object.keys(decision.headers);
  const arrived = decision.request;
  const forwarded = decision.forwarded;
  const upstream = decision.upstream;
  const requestId = decision.headers[LESSON_PROFILE.requestIdHeader];
  const cacheStatus = decision.headers[LESSON_PROFILE.cacheStatusHeader];
  const decider = STAGE_LABELS[decision.decidedBy] ?? decision.decidedBy;
  return (
    <section className="trace-details" aria-label={`Details of request ${trace.id}`}>
      <h4 tabIndex={-1}>
        Request #{trace.id}: {decision.status} {STATUS_TEXT[decision.status]}
      </h4>
      <p>
        Decided by <strong>{decider}</strong>: {traceReason(trace)}.
      </p>
      <p>
        <code>{decision.body}</code>
      </p>
      <dl className="header-list">
        <div>
          <dt>Request id</dt>
          <dd>
            {requestId === undefined ? (
              'none (the Request id stage is off)'
            ) : (
              <code>{requestId}</code>
            )}
          </dd>
        </div>
        <div>
          <dt>Cache</dt>
          <dd>{cacheStatus ?? 'not consulted'}</dd>
        </div>
        <div>
          <dt>Upstream instance</dt>
          <dd>
            {upstream === null
              ? 'none: the gateway answered'
              : `${upstream.instance} (${upstream.outcome}, ${Math.round(upstream.serviceMs)} ms of work)`}
          </dd>
        </div>
      </dl>
      <div className="trace-requests">
        <div>
          <h5>As it arrived</h5>
          <pre>
            {`${decision.method} ${arrived.path}`}
            {arrived.apiKey ? `\n${LESSON_PROFILE.keyHeader}: ${arrived.apiKey}` : ''}
            {arrived.headers === undefined ? '' : `\n${headerLines(arrived.headers)}`}
          </pre>
        </div>
        <div>
          <h5>As it was forwarded</h5>
          <pre>
            {forwarded === null
              ? 'Not forwarded.'
              : `${forwarded.method} ${decision.route?.serviceUrl ?? ''}${forwarded.path}${
                  Object.keys(forwarded.headers).length > 0
                    ? `\n${headerLines(forwarded.headers)}`
                    : ''
                }`}
          </pre>
        </div>
      </div>
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
            <strong>{STAGE_LABELS[s.stage] ?? s.stage}</strong>: {VERDICT_WORDS[s.verdict]},{' '}
            {s.note}
          </li>
        ))}
      </ol>
      <button type="button" onClick={onClose}>
        Close details
      </button>
    </section>
  );
});

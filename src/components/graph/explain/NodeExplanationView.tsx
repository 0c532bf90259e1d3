import { useAppStore, useShownTraces } from '../../../store';
import type { Selection } from '../../../store/selectionSlice';
import {
  explainClient,
  explainService,
  explainStage,
  type ExplainInput,
  type NodeExplanation,
} from './nodeExplanation';

type NodeSelection = Exclude<Selection, { kind: 'request' }>;

function explain(input: ExplainInput, selection: NodeSelection): NodeExplanation {
  switch (selection.kind) {
    case 'stage':
      return explainStage(input, selection.stage);
    case 'client':
      return explainClient(input, selection.clientId);
    case 'service':
      return explainService(input, selection.service);
  }
}

/** A node explained: what it is and does here, its settings, and what it decided so far. */
export function NodeExplanationView({
  selection,
  onClose,
}: {
  selection: NodeSelection;
  onClose: () => void;
}) {
  // The whole store: the counts follow the clock, frame by frame, while the panel is open.
  const state = useAppStore((s) => s);
  const shownTraces = useShownTraces((s) => s.traces);
  const shownOlder = useShownTraces((s) => s.olderTraces);
  const model = explain({ ...state, shownTraces, shownOlder }, selection);
  return (
    <section className="node-explanation" aria-label={`About ${model.heading}`}>
      <h4 tabIndex={-1}>
        {model.heading} <span className="explanation-role">{model.role}</span>
      </h4>
      <p>{model.does}</p>
      {model.facts.length > 0 && (
        <dl className="explanation-facts">
          {model.facts.map((fact) => (
            <div key={fact.label}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <p>
        <strong>So far:</strong> {model.decided}
      </p>
      {model.latest !== null && (
        <p>
          <strong>Latest:</strong> {model.latest}
        </p>
      )}
      {model.instances.length > 0 && (
        <table className="explanation-instances">
          <caption>Its instances</caption>
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">State</th>
              <th scope="col">Served</th>
              <th scope="col">Failed</th>
            </tr>
          </thead>
          <tbody>
            {model.instances.map((instance) => (
              <tr key={instance.name} data-instance-line={instance.name}>
                <th scope="row">{instance.name}</th>
                <td>{instance.state}</td>
                <td>{instance.served}</td>
                <td>{instance.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

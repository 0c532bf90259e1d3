import { useId, useState, type FormEvent } from 'react';
import { routePathProblem, serviceName } from '../../engine';
import { SERVICES } from '../../content/services';
import { useAppStore } from '../../store';

/** Experiment 3's tool: add routes to the playground's gateway and remove them. */
export function RouteEditor() {
  const routes = useAppStore((s) => s.routes);
  const [path, setPath] = useState('');
  const [serviceUrl, setServiceUrl] = useState(SERVICES[0]?.url ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const pathId = useId();
  const serviceId = useId();
  const problemId = useId();
  const exampleId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = path.trim();
    // The gateway checks the path and duplicates; the form shows its reason as a sentence.
    const error = useAppStore.getState().addRoute({ path: trimmed, serviceUrl, match: 'exact' });
    if (error !== null) {
      setProblem(`${error.reason.charAt(0).toUpperCase()}${error.reason.slice(1)}.`);
      setAdded(null);
      return;
    }
    setProblem(null);
    setAdded(`Added ${trimmed} → ${serviceName(serviceUrl)}.`);
    setPath('');
  };

  return (
    <div className="route-editor">
      <form className="inline-form" onSubmit={submit} noValidate aria-label="Add a route">
        <label htmlFor={pathId}>New route</label>
        <input
          id={pathId}
          value={path}
          onChange={(event) => {
            setPath(event.target.value);
            // A fixed path clears the old message at once, not at the next try.
            if (problem !== null && routePathProblem(event.target.value.trim()) === null) {
              setProblem(null);
            }
          }}
          aria-invalid={problem !== null}
          aria-describedby={`${exampleId} ${problemId}`}
          autoComplete="off"
          spellCheck={false}
        />
        <span id={exampleId} className="field-note">
          A path starting with “/”, for example <code>/api/payments</code>
        </span>
        <label htmlFor={serviceId}>Service</label>
        <select id={serviceId} value={serviceUrl} onChange={(e) => setServiceUrl(e.target.value)}>
          {SERVICES.map((service) => (
            <option key={service.id} value={service.url}>
              {service.label}
            </option>
          ))}
        </select>
        <button type="submit">Add route</button>
        <span
          id={problemId}
          className={problem === null ? 'lesson-ok' : 'lesson-problem'}
          role={problem === null ? 'status' : 'alert'}
        >
          {problem ?? added ?? ''}
        </span>
      </form>
      <table className="route-table">
        <caption>Routes the gateway knows</caption>
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">Service</th>
            <th scope="col">Match</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {routes.map((route) => (
            <tr key={`${route.match} ${route.path}`}>
              <td>
                <code>{route.path}</code>
              </td>
              <td>{serviceName(route.serviceUrl)}</td>
              <td>{route.match}</td>
              <td>
                <button
                  type="button"
                  onClick={() => useAppStore.getState().removeRoute(route.path)}
                  aria-label={`Remove route ${route.path}`}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {routes.length === 0 && <p>No routes: every request will get 404.</p>}
      <p className="field-note">
        The starting routes are exact matches: <code>/api/users</code> serves{' '}
        <code>/api/users</code> only, so <code>/api/users/123</code> gets 404. Experiment 4 teaches
        the gateway prefix matching.
      </p>
    </div>
  );
}

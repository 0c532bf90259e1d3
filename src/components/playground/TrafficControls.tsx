import { useState } from 'react';
import { burst, spread, type TrafficRequest } from '../../engine';
import { CLIENTS, clientById } from '../../content/services';
import { useAppStore } from '../../store';
import { FORM_METHODS } from '../../store/trafficFormSlice';
import { nextTask } from '../scheduling/postTask';
import { Field, TextField } from './Field';
import { parseCount, parseRate, parseRequestPath } from './trafficForm';

const EXTRA_PATHS = ['/api/payments', '/api/users/123', '/api/users?page=2', '/api/unknown'];

/** The form's id, so the docked playground's own "Send burst" and "Send one" can submit it. */
export const TRAFFIC_FORM_ID = 'traffic-form';

/** Who sends what, how many and how spaced: builds traffic with the engine and sends it. */
export function TrafficControls() {
  const routes = useAppStore((s) => s.routes);
  const preparing = useAppStore((s) => s.preparing);
  // In the store rather than here, so that a shared link can carry and restore the form.
  const { clientId, method, path, count, spacing, rate } = useAppStore((s) => s.trafficForm);
  const setTrafficForm = useAppStore((s) => s.setTrafficForm);
  const setPath = (value: string) => setTrafficForm({ path: value });
  const setCount = (value: string) => setTrafficForm({ count: value });
  const setRate = (value: string) => setTrafficForm({ rate: value });
  const [problems, setProblems] = useState<Record<string, string | null>>({});
  const [sendError, setSendError] = useState<string | null>(null);
  /** A field shown as wrong loses its message as soon as its text is valid again. */
  const clearWhenValid = (field: string, parsed: { ok: boolean }) => {
    if (parsed.ok && (problems[field] ?? null) !== null) {
      setProblems((current) => ({ ...current, [field]: null }));
    }
  };
  const knownPaths = [...new Set([...routes.map((r) => r.path), ...EXTRA_PATHS])];

  const send = async (howMany: 'form' | 'one') => {
    const client = clientById(clientId);
    const parsedPath = parseRequestPath(path);
    const parsedCount = howMany === 'one' ? ({ ok: true, value: 1 } as const) : parseCount(count);
    const parsedRate = spacing === 'spread' ? parseRate(rate) : ({ ok: true, value: 0 } as const);
    const found: Record<string, string | null> = {
      path: parsedPath.ok ? null : parsedPath.message,
      count: parsedCount.ok ? null : parsedCount.message,
      rate: parsedRate.ok ? null : parsedRate.message,
    };
    // Only a change re-renders the form: in the click's task, a render of every field cost more
    // than the rest of the click's own work on a slow machine.
    if (Object.keys(found).some((field) => (problems[field] ?? null) !== found[field])) {
      setProblems(found);
    }
    if (!parsedPath.ok || !parsedCount.ok || !parsedRate.ok) return;
    // Sent from a task of its own, not the click's: the click's task then only handles the
    // click, and the send (the engine queueing thousands of requests, the store's update and
    // React's render of it) is a task of its own rather than a second half of the same long one.
    await nextTask();
    const { clockMs, sendAndPlay } = useAppStore.getState();
    const template = {
      clientId: client.id,
      apiKey: client.apiKey,
      path: parsedPath.value,
      // GET is the engine's default: left out, so GET traffic reads as it always did.
      ...(method === 'GET' ? {} : { method }),
    };
    const traffic: TrafficRequest[] =
      spacing === 'spread' && parsedCount.value > 1
        ? spread(template, parsedCount.value, clockMs, parsedRate.value)
        : burst(template, parsedCount.value, clockMs);
    try {
      setSendError(null);
      await sendAndPlay(traffic);
    } catch (error) {
      setSendError(`Nothing was sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <form
      id={TRAFFIC_FORM_ID}
      className="traffic-controls"
      aria-label="Send requests"
      onSubmit={(e) => {
        e.preventDefault();
        const submitter = (e.nativeEvent as SubmitEvent).submitter;
        void send(submitter?.getAttribute('value') === 'one' ? 'one' : 'form');
      }}
    >
      <Field id="traffic-client" label="Client (API key)" problem={null}>
        <select
          id="traffic-client"
          value={clientId}
          onChange={(e) => setTrafficForm({ clientId: e.target.value })}
        >
          {CLIENTS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label} ({c.apiKey ?? 'no key'})
            </option>
          ))}
        </select>
      </Field>
      <Field id="traffic-method" label="Method" problem={null}>
        <select
          id="traffic-method"
          value={method}
          onChange={(e) =>
            setTrafficForm({ method: FORM_METHODS.find((m) => m === e.target.value) ?? 'GET' })
          }
        >
          {FORM_METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </Field>
      <TextField
        id="traffic-path"
        label="Path"
        problem={problems.path ?? null}
        list="traffic-paths"
        value={path}
        onChange={(text) => {
          setPath(text);
          clearWhenValid('path', parseRequestPath(text));
        }}
      >
        <datalist id="traffic-paths">
          {knownPaths.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </TextField>
      <TextField
        id="traffic-count"
        label="How many (1–10,000)"
        problem={problems.count ?? null}
        inputMode="numeric"
        value={count}
        onChange={(text) => {
          setCount(text);
          clearWhenValid('count', parseCount(text));
        }}
      />
      <Field id="traffic-spacing" label="Spacing" problem={null}>
        <select
          id="traffic-spacing"
          value={spacing}
          onChange={(e) =>
            setTrafficForm({ spacing: e.target.value === 'spread' ? 'spread' : 'burst' })
          }
        >
          <option value="burst">All at once</option>
          <option value="spread">Spread out</option>
        </select>
      </Field>
      {spacing === 'spread' && (
        <TextField
          id="traffic-rate"
          label="Requests per second"
          problem={problems.rate ?? null}
          inputMode="decimal"
          value={rate}
          onChange={(text) => {
            setRate(text);
            clearWhenValid('rate', parseRate(text));
          }}
        />
      )}
      <div className="traffic-buttons">
        <button type="submit" className="primary" disabled={preparing}>
          Send burst
        </button>
        <button type="submit" name="how-many" value="one" disabled={preparing}>
          Send one
        </button>
        {preparing && <span className="field-note">Preparing your code…</span>}
      </div>
      {sendError !== null && (
        <p className="field-problem" role="alert">
          {sendError}
        </p>
      )}
    </form>
  );
}

import { burst } from '../../engine';
import { useAppStore } from '../../store';
import { GatewayGraph } from '../graph/GatewayGraph';

/** A first playground: the graph and a button that sends the lesson's burst of 6 requests. */
export function Playground() {
  const traces = useAppStore((s) => s.traces);

  const sendBurst = async () => {
    const { clockMs, sendTraffic } = useAppStore.getState();
    await sendTraffic(
      burst({ clientId: 'mobile', apiKey: 'abc123', path: '/api/users' }, 6, clockMs),
    );
    useAppStore.getState().advanceClock(clockMs + 1000);
  };

  return (
    <section aria-labelledby="playground-title">
      <h2 id="playground-title">Playground</h2>
      <GatewayGraph />
      <button type="button" onClick={() => void sendBurst()}>
        Send burst
      </button>
      <ol aria-label="Request log">
        {traces.map((trace) => (
          <li key={trace.id} data-status={trace.decision.status}>
            #{trace.id} {trace.request.path} → {trace.decision.status}
          </li>
        ))}
      </ol>
    </section>
  );
}

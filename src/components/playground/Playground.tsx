import { useState } from 'react';
import { clientById } from '../../content/services';
import { GatewayGraph } from '../graph/GatewayGraph';
import { LogAnnouncer } from '../log/LogAnnouncer';
import { RequestLog } from '../log/RequestLog';
import { PlaybackBar } from '../playback/PlaybackBar';
import { useReducedMotionSync } from '../playback/usePlaybackLoop';
import { WindowPanel } from '../playback/WindowPanel';
import { TourPanel } from '../tour/TourPanel';
import { LimiterSettings } from './LimiterSettings';
import { TrafficControls } from './TrafficControls';
import './playground.css';

/**
 * The visual model: send requests, watch each one pass (or fail) Auth → Rate limit → Router on
 * the simulated clock, and read every outcome in the log.
 */
export function Playground() {
  useReducedMotionSync();
  const [clientId, setClientId] = useState('mobile');
  const client = clientById(clientId);
  return (
    <section className="playground" aria-labelledby="playground-title">
      <div className="playground-head">
        <h2 id="playground-title">Visual model: the gateway at work</h2>
        <TourPanel />
      </div>
      <p className="playground-intro">
        Press <strong>Send burst</strong> to send six requests from the mobile app. The gateway
        decides each one the moment it arrives; the graph shows its trip on a simulated clock you
        can pause, step and speed up.
      </p>
      <GatewayGraph />
      <PlaybackBar apiKey={client.apiKey} />
      <div className="playground-panels">
        <div className="playground-column">
          <h3>Send requests</h3>
          <TrafficControls clientId={clientId} onClientChange={setClientId} />
          <details className="settings-disclosure">
            <summary>Gateway settings (limit, window, algorithm, key check)</summary>
            <LimiterSettings />
          </details>
        </div>
        <div className="playground-column">
          <WindowPanel client={client} />
        </div>
      </div>
      <RequestLog />
      <LogAnnouncer />
    </section>
  );
}

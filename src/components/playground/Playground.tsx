import { useEffect, useState } from 'react';
import { clientById } from '../../content/services';
import { useAppStore } from '../../store';
import { PlaygroundExport } from '../export/PlaygroundExport';
import { GatewayGraph } from '../graph/GatewayGraph';
import { LogAnnouncer } from '../log/LogAnnouncer';
import { AccessLogView } from '../log/AccessLogView';
import { RequestLog } from '../log/RequestLog';
import { PlaybackBar } from '../playback/PlaybackBar';
import { Timeline } from '../playback/Timeline';
import { useReducedMotionSync } from '../playback/usePlaybackLoop';
import { WindowPanel } from '../playback/WindowPanel';
import { LimiterSettings } from './LimiterSettings';
import { Narration } from './Narration';
import { ProfilePicker } from './ProfilePicker';
import { PipelineSettings } from './PipelineSettings';
import { ShareScenario } from './ShareScenario';
import { TRAFFIC_FORM_ID, TrafficControls } from './TrafficControls';
import './playground.css';

/**
 * "Export config", closed at first: the files are written (the whole gateway turned into each
 * format) when the learner first opens it, not while the playground is being built.
 */
function ExportDisclosure() {
  const [opened, setOpened] = useState(false);
  return (
    <details
      className="settings-disclosure"
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true);
      }}
    >
      <summary>Export config (nginx, Kong, Envoy, AWS)</summary>
      {opened ? <PlaygroundExport /> : null}
    </details>
  );
}

/**
 * The visual model: send requests, watch each one pass (or fail) Auth → Rate limit → Router on
 * the simulated clock, and read every outcome in the log. It stays in view while the lesson
 * scrolls: sticky beside it on wide screens, docked at the bottom (and collapsible) on narrow ones.
 */
export function Playground() {
  useReducedMotionSync();
  const clientId = useAppStore((s) => s.trafficForm.clientId);
  const [open, setOpen] = useState(true);
  // A new send from anywhere (an experiment, the quiz, the tour) opens a collapsed dock, so the
  // graph is in view while the requests travel; collapsing again holds until the next send.
  useEffect(
    () =>
      useAppStore.subscribe((state, previous) => {
        const { actions } = state.history;
        if (actions !== previous.history.actions && actions.at(-1)?.kind === 'send') setOpen(true);
      }),
    [],
  );
  const preparing = useAppStore((s) => s.preparing);
  const client = clientById(clientId);
  return (
    <aside
      className={`playground-dock${open ? '' : ' is-collapsed'}`}
      aria-labelledby="playground-title"
    >
      <section className="playground" aria-labelledby="playground-title">
        <div className="playground-head">
          <h2 id="playground-title" tabIndex={-1}>
            Playground
          </h2>
          <ShareScenario />
          <div className="dock-toggle">
            <button
              type="button"
              aria-expanded={open}
              aria-controls="playground-body"
              onClick={() => setOpen(!open)}
            >
              {open ? 'Hide ▾' : 'Show ▴'}
            </button>
          </div>
        </div>
        <div id="playground-body" className="playground-body">
          <GatewayGraph />
          {/* Docked on a narrow screen, the form's own buttons are hidden: these sit under the graph. */}
          <div className="dock-actions">
            <button type="submit" form={TRAFFIC_FORM_ID} className="primary" disabled={preparing}>
              Send burst
            </button>
            <button
              type="submit"
              form={TRAFFIC_FORM_ID}
              name="how-many"
              value="one"
              disabled={preparing}
            >
              Send one
            </button>
          </div>
          <Timeline />
          <PlaybackBar apiKey={client.apiKey} />
          <Narration />
          <div className="playground-panels">
            <div className="playground-column">
              <h3>Send requests</h3>
              <TrafficControls />
            </div>
            <div className="playground-column">
              {/* Below the graph: at 1280×800 the graph and Send burst must fit the first screen. */}
              <ProfilePicker />
              <WindowPanel client={client} />
              <details className="settings-disclosure">
                <summary>Gateway settings (limit, window, algorithm, key check)</summary>
                <LimiterSettings />
              </details>
              <details className="settings-disclosure">
                <summary>Pipeline (cache, load balancing, request id, more)</summary>
                <PipelineSettings />
              </details>
              <ExportDisclosure />
            </div>
          </div>
          <RequestLog />
          <AccessLogView />
        </div>
        <LogAnnouncer />
      </section>
    </aside>
  );
}

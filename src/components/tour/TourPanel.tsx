import { useCallback, useEffect, useRef, useState } from 'react';
import { TOUR_STEPS, type TourScenario } from '../../content/tour';
import type { RequestTrace } from '../../engine';
import { useAppStore } from '../../store';
import { STATUS_TEXT } from '../log/statusCounts';
import { formatClock } from '../playback/timeline';
import { Term } from '../lesson/Term';
import { showStep, stagesReached, type ScenarioRun } from './tourRunner';
import { parseTourText } from './tourText';
import './tour.css';

/** The log catches up with new requests a little after they are decided. */
const LOG_CATCH_UP_MS = 400;

/** The playground is beside the lesson (not docked under it) from this width; see playground.css. */
const SIDE_BY_SIDE = '(min-width: 1100px)';

/**
 * Brings a request's row of the log (with its Headers button) into view where the playground is
 * beside the text; in the dock it would push the graph away, and the step lists the headers.
 */
function revealLogRow(traceId: number): void {
  if (!window.matchMedia(SIDE_BY_SIDE).matches) return;
  const row = document.querySelector(`.request-log [data-trace-id="${traceId}"]`);
  row?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
}

/** Brings the graph back into view inside the playground, when a step scrolled it away. */
function revealGraph(): void {
  document
    .querySelector('.playground .graph-box')
    ?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
}

/**
 * "Start tour": walks one real request through the gateway, then the three refusals. Each step
 * sends real traffic and stops the clock at that step's event. Esc exits.
 */
export function TourPanel() {
  const [index, setIndex] = useState<number | null>(null);
  const [trace, setTrace] = useState<RequestTrace | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const runs = useRef(new Map<TourScenario, ScenarioRun>());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const revealTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(revealTimer.current), []);
  const startRef = useRef<HTMLButtonElement>(null);

  const go = async (next: number) => {
    const step = TOUR_STEPS[next];
    if (step === undefined) return;
    setBusy(true);
    setIndex(next);
    // A row still to be shown for the step left would scroll the graph away from this one.
    clearTimeout(revealTimer.current);
    try {
      const followed = await showStep(step, runs.current);
      setTrace(followed);
      requestAnimationFrame(() =>
        panelRef.current?.scrollIntoView({ block: 'nearest', behavior: 'instant' }),
      );
      if (step.id === 'response' && followed !== undefined) {
        revealTimer.current = setTimeout(() => revealLogRow(followed.id), LOG_CATCH_UP_MS);
      } else revealGraph();
    } finally {
      setBusy(false);
    }
  };

  const start = () => {
    useAppStore.getState().resetAll();
    runs.current = new Map();
    void go(0);
  };

  const exit = useCallback(() => {
    clearTimeout(revealTimer.current);
    setIndex(null);
    const store = useAppStore.getState();
    store.setHighlight(null);
    store.setView(null);
    // Let the packets the tour stopped finish their trips instead of hanging in mid-air.
    if (store.reducedMotion) store.settleNow();
    else store.setPlaying(true);
    revealGraph();
    requestAnimationFrame(() => startRef.current?.focus());
  }, []);

  useEffect(() => {
    if (index === null) return;
    headingRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') exit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, exit]);

  const step = index === null ? undefined : TOUR_STEPS[index];
  if (index === null || step === undefined) {
    return (
      <div className="tour-start">
        <button ref={startRef} type="button" className="primary" onClick={start}>
          Start tour
        </button>
        <span className="field-note">
          Follows one real request step by step. Starts the playground afresh.
        </span>
      </div>
    );
  }
  const last = index === TOUR_STEPS.length - 1;
  return (
    <section ref={panelRef} className="tour-panel" aria-label="Tour" aria-busy={busy}>
      <p className="tour-count">
        Step {index + 1} of {TOUR_STEPS.length}
      </p>
      <h3 ref={headingRef} tabIndex={-1}>
        {step.title}
      </h3>
      <p>
        {parseTourText(step.body).map((part, i) =>
          part.kind === 'term' ? (
            <Term key={i} id={part.termId}>
              {part.text}
            </Term>
          ) : (
            part.text
          ),
        )}
      </p>
      {trace !== undefined && step.moment !== 'sent' && <TourFact trace={trace} />}
      {trace !== undefined && step.id === 'response' && <RateLimitHeaders trace={trace} />}
      <div className="tour-buttons">
        <button type="button" onClick={() => void go(index - 1)} disabled={busy || index === 0}>
          Back
        </button>
        {last ? (
          <button type="button" className="primary" onClick={exit} disabled={busy}>
            Finish
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => void go(index + 1)}
            disabled={busy}
          >
            Next
          </button>
        )}
        <button type="button" onClick={exit}>
          Exit tour
        </button>
      </div>
    </section>
  );
}

/** The followed request as far as it has got on the graph: no stage ahead of it is told yet. */
function TourFact({ trace }: { trace: RequestTrace }) {
  const atMs = useAppStore((s) => s.clockMs);
  const stages = stagesReached(trace, atMs);
  const decided = stages.length === trace.decision.stages.length;
  return (
    <p className="tour-fact" data-testid="tour-fact">
      Request #{trace.id}
      {decided && ` → ${trace.decision.status} ${STATUS_TEXT[trace.decision.status]}`}
      {stages.map((s) => ` · ${s.stage}: ${s.note}`).join('')}
      {' · '}
      {formatClock(atMs)}
    </p>
  );
}

/** The RateLimit headers of the followed response, so the step can be read without the log. */
function RateLimitHeaders({ trace }: { trace: RequestTrace }) {
  const headers = Object.entries(trace.decision.headers).filter(([name]) =>
    name.startsWith('RateLimit'),
  );
  return (
    <dl className="tour-headers" aria-label={`Rate-limit headers of request ${trace.id}`}>
      {headers.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <code>{value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

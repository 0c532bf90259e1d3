import { useCallback, useEffect, useRef, useState } from 'react';
import { TOUR_STEPS, type TourScenario } from '../../content/tour';
import type { RequestTrace } from '../../engine';
import { useAppStore } from '../../store';
import { STATUS_TEXT } from '../log/statusCounts';
import { formatClock } from '../playback/timeline';
import { Term } from '../lesson/Term';
import { showStep, type ScenarioRun } from './tourRunner';
import { parseTourText } from './tourText';
import './tour.css';

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
  const startRef = useRef<HTMLButtonElement>(null);

  const go = async (next: number) => {
    const step = TOUR_STEPS[next];
    if (step === undefined) return;
    setBusy(true);
    setIndex(next);
    try {
      setTrace(await showStep(step, runs.current));
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
    setIndex(null);
    useAppStore.getState().setHighlight(null);
    useAppStore.getState().setView(null);
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
    <section className="tour-panel" aria-label="Tour" aria-busy={busy}>
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
      {trace !== undefined && step.moment !== 'sent' && (
        <p className="tour-fact" data-testid="tour-fact">
          Request #{trace.id} → {trace.decision.status} {STATUS_TEXT[trace.decision.status]}
          {trace.decision.stages.map((s) => ` · ${s.stage}: ${s.note}`).join('')}
          {' · '}
          {formatClock(useAppStore.getState().viewMs ?? useAppStore.getState().clockMs)}
        </p>
      )}
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

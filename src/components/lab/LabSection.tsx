import { useId, useMemo, useState } from 'react';
import { LAB_PATTERNS, type LabLimit } from '../../engine/lab';
import {
  DRAWN_PATTERN,
  LAB_INTRO,
  LAB_RANGES,
  LAB_SAMPLES,
  LAB_START,
  type LabTraceChoice,
} from '../../content/lab';
import { DrawnTraceEditor } from './DrawnTraceEditor';
import { LabFigures } from './LabFigures';
import { LabTables } from './LabTables';
import { LabTimelines } from './LabTimelines';
import { NumberField } from './NumberField';
import { ScaleOut } from './ScaleOut';
import { startingDrawing, traceFor } from './labTrace';
import { useLabRun } from './useLabRun';
import { useNumberField } from './useNumberField';
import './lab.css';

const CHOICES: readonly { id: LabTraceChoice; label: string; description: string }[] = [
  ...LAB_PATTERNS,
  { id: DRAWN_PATTERN, label: 'Drawn by you', description: 'Your own requests, on a time axis.' },
];

/** The algorithm lab: one trace through every algorithm, timelines, figures, verdict; then scale. */
export function LabSection() {
  const [choice, setChoice] = useState<LabTraceChoice>(LAB_START.pattern);
  const maxRequests = useNumberField(
    LAB_START.maxRequests,
    LAB_RANGES.maxRequests,
    'Requests per window',
    true,
  );
  const windowSeconds = useNumberField(
    LAB_START.windowSeconds,
    LAB_RANGES.windowSeconds,
    'Window (seconds)',
    false,
  );
  const windows = useNumberField(LAB_START.windows, LAB_RANGES.windows, 'Windows of traffic', true);
  const seed = useNumberField(LAB_START.seed, LAB_RANGES.seed, 'Seed', true);
  const [drawnTimesMs, setDrawnTimesMs] = useState<number[]>([]);
  const [cursorMs, setCursorMs] = useState<number | null>(null);
  const [showTable, setShowTable] = useState(false);
  const patternId = useId();

  const limit: LabLimit = useMemo(
    () => ({ maxRequests: maxRequests.value, windowMs: windowSeconds.value * 1000 }),
    [maxRequests.value, windowSeconds.value],
  );
  const made = useMemo(
    () => traceFor(choice, limit, windows.value, seed.value, drawnTimesMs),
    [choice, limit, windows.value, seed.value, drawnTimesMs],
  );
  const trace = 'trace' in made ? made.trace : null;
  const run = useLabRun(limit, trace, LAB_SAMPLES);
  const result = run.status === 'done' ? run.result : run.previous;
  const description = CHOICES.find((c) => c.id === choice)?.description ?? '';

  const choose = (next: LabTraceChoice) => {
    if (next === DRAWN_PATTERN && drawnTimesMs.length === 0) {
      setDrawnTimesMs(startingDrawing(trace));
    }
    setChoice(next);
  };

  // The cursor stays where the learner put it while it is on the axis, else the axis's middle.
  const shownCursorMs =
    result === null
      ? 0
      : cursorMs !== null && cursorMs >= result.startMs && cursorMs <= result.endMs
        ? cursorMs
        : (result.startMs + result.endMs) / 2;

  return (
    <div className="lab">
      {LAB_INTRO.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <fieldset className="lab-settings">
        <legend>Trace and limit</legend>
        <div className="lab-field">
          <label htmlFor={patternId}>Trace</label>
          <select
            id={patternId}
            value={choice}
            onChange={(event) => choose(event.target.value as LabTraceChoice)}
          >
            {CHOICES.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          <span className="lab-field__note">{description}</span>
        </div>
        <NumberField label="Requests per window" {...fieldProps(maxRequests)} />
        <NumberField label="Window (seconds)" step={0.1} {...fieldProps(windowSeconds)} />
        <NumberField label="Windows of traffic" {...fieldProps(windows)} />
        {choice === 'poisson' ? <NumberField label="Seed" {...fieldProps(seed)} /> : null}
      </fieldset>
      {choice === DRAWN_PATTERN ? (
        <DrawnTraceEditor
          timesMs={drawnTimesMs}
          spanMs={windows.value * limit.windowMs}
          onChange={setDrawnTimesMs}
        />
      ) : null}
      <p role="status" className={'problem' in made ? 'lesson-problem' : 'lab-status'}>
        {'problem' in made
          ? `No trace: ${made.problem}`
          : run.status === 'running'
            ? 'Running the trace through every algorithm…'
            : run.status === 'failed'
              ? run.problem
              : `${run.result.runs.length} algorithms decided the trace in ${Math.round(run.computeMs)} ms (in a worker, decisions per second timed there).`}
      </p>
      {result === null ? null : (
        <div className="lab-results" aria-busy={run.status === 'running'}>
          <div className="lab-legend" aria-hidden="true">
            <span>
              <svg width="12" height="12">
                <circle cx="6" cy="6" r="4" className="lab-timeline__allowed" />
              </svg>{' '}
              allowed
            </span>
            <span>
              <svg width="12" height="12">
                <path d="M2 2l8 8M2 10l8 -8" className="lab-timeline__refused" />
              </svg>{' '}
              refused
            </span>
            <span>
              <svg width="16" height="12">
                <path d="M0 9H16" className="lab-timeline__gauge" />
              </svg>{' '}
              the limiter’s state (dashed line: full)
            </span>
          </div>
          <LabTimelines result={result} cursorMs={shownCursorMs} onCursor={setCursorMs} />
          <button
            type="button"
            className="lab-toggle"
            aria-pressed={showTable}
            onClick={() => setShowTable(!showTable)}
          >
            Show as table
          </button>
          {showTable ? <LabTables result={result} cursorMs={shownCursorMs} /> : null}
          <LabFigures result={result} />
          <h3>Verdict</h3>
          <ul className="lab-verdict">
            {result.verdict.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </div>
      )}
      <ScaleOut />
    </div>
  );
}

function fieldProps(field: ReturnType<typeof useNumberField>) {
  return { text: field.text, problem: field.problem, onChange: field.change };
}

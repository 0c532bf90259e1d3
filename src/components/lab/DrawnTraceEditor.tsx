import { useId, useState, type FormEvent } from 'react';
import { LAB_RANGES } from '../../content/lab';
import { axisTicks, formatAxisTime, parseNumberIn, timeScale } from './labModel';
import { useElementWidth } from './useElementWidth';

const HEIGHT = 54;
const SIDE = 12;
const LINE_Y = 20;

/**
 * The learner's own trace: click or tap on the time axis to add a request there, or type a time and
 * press Add; each request in the list below can be removed.
 */
export function DrawnTraceEditor({
  timesMs,
  spanMs,
  onChange,
}: {
  timesMs: readonly number[];
  spanMs: number;
  onChange: (timesMs: number[]) => void;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>(800);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const problemId = useId();
  const scale = timeScale(0, spanMs, SIDE, width - SIDE);
  const full = timesMs.length >= LAB_RANGES.drawnRequests;
  const sorted = [...timesMs].sort((a, b) => a - b);

  const add = (atMs: number) => {
    if (full) {
      setProblem(`At most ${LAB_RANGES.drawnRequests} drawn requests: remove one first.`);
      return;
    }
    setProblem(null);
    onChange([...timesMs, atMs]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseNumberIn(text, { min: 0, max: spanMs / 1000 }, 'Time in seconds', false);
    if ('problem' in parsed) {
      setProblem(parsed.problem);
      return;
    }
    add(Math.round(parsed.value * 1000));
    setText('');
  };

  return (
    <div className="lab-draw">
      <p>
        Click or tap on the axis to add a request at that time ({timesMs.length} of at most{' '}
        {LAB_RANGES.drawnRequests}).
      </p>
      <div ref={ref}>
        <svg
          width={width}
          height={HEIGHT}
          className="lab-draw__axis"
          aria-hidden="true"
          onClick={(event) => {
            const box = event.currentTarget.getBoundingClientRect();
            // Whole milliseconds: the list and the engine show the same time.
            add(Math.round(scale.atMs(event.clientX - box.left)));
          }}
        >
          <rect x={0} y={0} width={width} height={HEIGHT} className="lab-draw__hit" />
          <line x1={scale.left} x2={scale.right} y1={LINE_Y} y2={LINE_Y} />
          {axisTicks(0, spanMs, Math.max(2, Math.floor(width / 110))).map((t) => (
            <g key={t} transform={`translate(${scale.x(t)} ${LINE_Y})`}>
              <line y1={-4} y2={4} />
              <text y={24} textAnchor="middle">
                {formatAxisTime(t)}
              </text>
            </g>
          ))}
          {sorted.map((t, i) => (
            <circle key={i} cx={scale.x(t)} cy={LINE_Y} r={4} className="lab-draw__request" />
          ))}
        </svg>
      </div>
      <form className="inline-form" onSubmit={submit} noValidate>
        <label htmlFor={inputId}>Add a request at (seconds)</label>
        <input
          id={inputId}
          type="number"
          inputMode="decimal"
          step="any"
          min={0}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={problem !== null}
          aria-describedby={problemId}
        />
        <button type="submit">Add</button>
        <button type="button" onClick={() => onChange([])} disabled={timesMs.length === 0}>
          Remove all
        </button>
        <span
          id={problemId}
          className="lesson-problem"
          role={problem === null ? undefined : 'alert'}
        >
          {problem ?? ''}
        </span>
      </form>
      {sorted.length === 0 ? null : (
        <ul className="lab-draw__list" aria-label="Drawn requests">
          {sorted.map((t, i) => (
            <li key={i}>
              <button
                type="button"
                onClick={() => {
                  const at = timesMs.indexOf(t);
                  onChange(timesMs.filter((_, k) => k !== at));
                }}
                aria-label={`Remove the request at ${formatAxisTime(t)}`}
              >
                {formatAxisTime(t)} ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

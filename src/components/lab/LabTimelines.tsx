import { memo, useId, useMemo, useRef, type PointerEvent } from 'react';
import type { LabRunView, LabView } from './labProtocol';
import {
  axisTicks,
  formatAxisTime,
  formatLevel,
  levelPath,
  markPaths,
  readoutPlacement,
  runStateAt,
  timeScale,
  type TimeScale,
} from './labModel';
import { useElementWidth } from './useElementWidth';

const ROW_HEIGHT = 70;
const MARKS_Y = 24;
const GAUGE_TOP = 34;
const GAUGE_HEIGHT = 28;
const AXIS_HEIGHT = 26;
const SIDE = 10;
const MARK_SIZE = 7;

/** One algorithm's row: its marks and its gauge, drawn once per result and width. */
const RunRow = memo(function RunRow({
  run,
  scale,
  top,
}: {
  run: LabRunView;
  scale: TimeScale;
  top: number;
}) {
  const marks = useMemo(() => markPaths(run.requests, scale, MARKS_Y, MARK_SIZE), [run, scale]);
  const level = useMemo(
    () => levelPath(run.samples, run.gauge.max, scale, GAUGE_TOP + GAUGE_HEIGHT, GAUGE_HEIGHT),
    [run, scale],
  );
  const { allowed, refused } = run.figures;
  return (
    <g
      transform={`translate(0 ${top})`}
      role="img"
      aria-label={`${run.label} timeline: ${allowed} allowed, ${refused} refused`}
      data-algorithm={run.algorithm}
    >
      <text x={SIDE} y={12} className="lab-timeline__label">
        {run.label}
      </text>
      <line
        x1={scale.left}
        x2={scale.right}
        y1={GAUGE_TOP + GAUGE_HEIGHT}
        y2={GAUGE_TOP + GAUGE_HEIGHT}
        className="lab-timeline__baseline"
      />
      <line
        x1={scale.left}
        x2={scale.right}
        y1={GAUGE_TOP}
        y2={GAUGE_TOP}
        className="lab-timeline__limit"
      />
      <path d={level} className="lab-timeline__gauge" />
      <path d={marks.allowed} className="lab-timeline__allowed" />
      <path d={marks.refused} className="lab-timeline__refused" />
    </g>
  );
});

/** The cursor: a line across every row and each algorithm's state at that moment. */
function Cursor({
  result,
  scale,
  atMs,
  height,
}: {
  result: LabView;
  scale: TimeScale;
  atMs: number;
  height: number;
}) {
  const x = scale.x(atMs);
  return (
    <g aria-hidden="true" className="lab-timeline__cursor">
      <line x1={x} x2={x} y1={0} y2={height} />
      {result.runs.map((run, i) => {
        const state = runStateAt(run, atMs);
        const top = i * ROW_HEIGHT;
        const markX = state.markMs === null ? null : scale.x(state.markMs);
        const text = `${formatLevel(state.level, run.gauge.exact)} / ${run.gauge.max} ${run.gauge.label}`;
        const place = readoutPlacement(x, text.length, scale.left, scale.right);
        return (
          <g key={run.algorithm} transform={`translate(0 ${top})`}>
            <text
              x={place.x}
              y={GAUGE_TOP + 12}
              textAnchor={place.anchor}
              className="lab-timeline__readout"
            >
              {text}
            </text>
            {markX !== null && markX >= scale.left && markX <= scale.right ? (
              <path
                d={`M${markX} ${GAUGE_TOP + GAUGE_HEIGHT - 6}l5 6l-5 6l-5 -6z`}
                className="lab-timeline__mark"
              >
                <title>{run.gauge.markLabel}</title>
              </path>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

/**
 * One timeline per algorithm on one shared time axis. Dragging on the drawing or moving the
 * slider under it (arrow keys, Home, End) moves one cursor across all of them.
 */
export function LabTimelines({
  result,
  cursorMs,
  onCursor,
}: {
  result: LabView;
  cursorMs: number;
  onCursor: (atMs: number) => void;
}) {
  const { ref, width } = useElementWidth<HTMLDivElement>(800);
  const sliderId = useId();
  const dragging = useRef(false);
  const scale = useMemo(
    () => timeScale(result.startMs, result.endMs, SIDE + MARK_SIZE, width - SIDE - MARK_SIZE),
    [result.startMs, result.endMs, width],
  );
  const rowsHeight = result.runs.length * ROW_HEIGHT;
  const height = rowsHeight + AXIS_HEIGHT;
  const ticks = axisTicks(scale.startMs, scale.endMs, Math.max(2, Math.floor(width / 110)));
  const stepMs = (scale.endMs - scale.startMs) / 400;

  const moveTo = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onCursor(scale.atMs(event.clientX - box.left));
  };

  return (
    <div ref={ref} className="lab-timelines">
      <svg
        width={width}
        height={height}
        className="lab-timelines__svg"
        role="group"
        aria-label="Timelines, one per algorithm, on a shared time axis"
        onPointerDown={(event) => {
          dragging.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (dragging.current) moveTo(event);
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
        onPointerCancel={() => {
          dragging.current = false;
        }}
      >
        {result.runs.map((run, i) => (
          <RunRow key={run.algorithm} run={run} scale={scale} top={i * ROW_HEIGHT} />
        ))}
        <g aria-hidden="true" className="lab-timeline__axis">
          <line x1={scale.left} x2={scale.right} y1={rowsHeight + 2} y2={rowsHeight + 2} />
          {ticks.map((t) => (
            <g key={t} transform={`translate(${scale.x(t)} ${rowsHeight + 2})`}>
              <line y2={5} />
              <text y={18} textAnchor="middle">
                {formatAxisTime(t)}
              </text>
            </g>
          ))}
        </g>
        <Cursor result={result} scale={scale} atMs={cursorMs} height={rowsHeight} />
      </svg>
      <div className="lab-timelines__scrub">
        <label htmlFor={sliderId}>Time on the shared axis</label>
        <input
          id={sliderId}
          type="range"
          min={scale.startMs}
          max={scale.endMs}
          step={stepMs}
          value={cursorMs}
          aria-valuetext={formatAxisTime(cursorMs)}
          onChange={(event) => onCursor(Number(event.target.value))}
        />
        <output htmlFor={sliderId}>{formatAxisTime(cursorMs)}</output>
      </div>
    </div>
  );
}

/** The algorithm lab: one trace through every rate-limiting algorithm, with figures and words. */
export { mostInAnyWindow } from './busiestWindow';
export { gaugeOf } from './gauges';
export {
  LAB_PATTERNS,
  drawnTrace,
  makeTrace,
  type LabLimit,
  type LabPatternId,
  type LabTrace,
  type OpenTrace,
  type PatternOptions,
  type RetryStormTrace,
} from './patterns';
export {
  BYTES_PER_NUMBER,
  runLab,
  type AlgorithmRun,
  type GaugeScale,
  type LabFigures,
  type LabOptions,
  type LabRequest,
  type LabResult,
  type LabSample,
} from './runLab';
export { formatDuration, labVerdict } from './verdict';

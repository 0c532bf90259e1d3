import { pathOnly, PROFILES, type RequestTrace } from '../engine';
import type { CheckResult, ExperimentContext } from './experiments';
import { UNKNOWN_PATH } from './playgroundScript';

const MINUTE_MS = 60_000;
/** How far either side of a minute boundary the burst is looked for. */
const AROUND_MS = 5_000;

/** Which rules decided a trace: the first stage it met says (Kong's router comes before auth). */
function decidedUnder(trace: RequestTrace): 'lesson' | 'kong' | null {
  const first = trace.decision.stages[0]?.stage;
  const kongFirst = PROFILES.kong.order.find((name) => PROFILES.kong.required.includes(name));
  const lessonFirst = PROFILES.lesson.order.find((name) => PROFILES.lesson.required.includes(name));
  if (first === kongFirst) return 'kong';
  return first === lessonFirst ? 'lesson' : null;
}

interface BurstAcross {
  readonly sent: number;
  readonly passed: number;
}

/** A keyed burst to /api/users with at least 5 requests either side of one minute boundary. */
function burstAcrossMinute(traces: readonly RequestTrace[]): BurstAcross | null {
  const keyed = traces.filter(
    (t) => (t.request.apiKey ?? '') !== '' && pathOnly(t.request.path) === '/api/users',
  );
  const boundaries = new Set(keyed.map((t) => Math.round(t.arrivedAtMs / MINUTE_MS) * MINUTE_MS));
  for (const boundary of boundaries) {
    const before = keyed.filter(
      (t) => t.arrivedAtMs >= boundary - AROUND_MS && t.arrivedAtMs < boundary,
    );
    const after = keyed.filter(
      (t) => t.arrivedAtMs >= boundary && t.arrivedAtMs < boundary + AROUND_MS,
    );
    if (before.length >= 5 && after.length >= 5) {
      const all = [...before, ...after];
      return { sent: all.length, passed: all.filter((t) => t.decision.status === 200).length };
    }
  }
  return null;
}

/** The keyless request to a path no route serves, and what it got. */
function keylessUnknown(traces: readonly RequestTrace[]): RequestTrace | undefined {
  return traces.find(
    (t) => (t.request.apiKey ?? '') === '' && pathOnly(t.request.path) === UNKNOWN_PATH,
  );
}

/**
 * The profile experiment: the same traffic under the lesson's rules and under Kong's. Done when
 * both runs are in the log; the prediction (how many of the 10 keyed requests Kong lets through)
 * is judged against what Kong did.
 */
export function checkProfileCompare({ traces, profilePrediction }: ExperimentContext): CheckResult {
  if (profilePrediction === null || profilePrediction === undefined) {
    return {
      done: false,
      started: false,
      feedback: 'First predict how many of the 10 requests Kong lets through.',
    };
  }
  const runs = {
    lesson: traces.filter((t) => decidedUnder(t) === 'lesson'),
    kong: traces.filter((t) => decidedUnder(t) === 'kong'),
  };
  const lesson = burstAcrossMinute(runs.lesson);
  const kong = burstAcrossMinute(runs.kong);
  const lessonKeyless = keylessUnknown(runs.lesson);
  const kongKeyless = keylessUnknown(runs.kong);
  if (
    lesson === null ||
    kong === null ||
    lessonKeyless === undefined ||
    kongKeyless === undefined
  ) {
    const missing = [
      lesson === null || lessonKeyless === undefined ? 'under the lesson' : null,
      kong === null || kongKeyless === undefined ? 'under Kong' : null,
    ].filter((m) => m !== null);
    return {
      done: false,
      started: true,
      feedback: `Prediction saved (${profilePrediction}). Now send the traffic ${missing.join(' and ')}.`,
    };
  }
  const right = profilePrediction === kong.passed;
  const verdict = right
    ? `Your prediction, ${profilePrediction}, was right.`
    : `Not as you predicted: you said ${profilePrediction}, and Kong let ${kong.passed} through.`;
  return {
    done: true,
    started: true,
    predictionRight: right,
    feedback:
      `${verdict} Under the lesson ${lesson.passed} of ${lesson.sent} passed: its sliding window still counts the requests from before the minute. ` +
      `Under Kong ${kong.passed} of ${kong.sent} passed: its fixed window starts afresh on the minute. ` +
      `The keyless request to an unknown path got ${lessonKeyless.decision.status} from the lesson (the key is checked first) and ${kongKeyless.decision.status} from Kong (the router comes first).`,
  };
}

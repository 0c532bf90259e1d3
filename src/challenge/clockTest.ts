import type { TraceClock, TraceRun } from '../sandbox/learnerProtocol';
import type { AnyChallengeDefinition, GradedCase } from './definitions/types';
import { answerText, callPlace, callTable, resultFor } from './failures';
import type { LearnerSession } from './learnerSession';
import type { TestResult } from './types';

/**
 * The clock test: does the learner's code read the wall clock? Its case runs twice on the learner
 * side, under a stopped clock and under one moving an hour per call (Date.now(), new Date() and
 * performance.now() all follow it). Code that takes its time from the arguments answers the same
 * both times, right or wrong; code that reads the clock sees every call at one instant in the
 * first run and an hour apart in the second, and answers differently. So only the two runs are
 * compared, never the reference: a fixed window or an off-by-one passes this test and fails the
 * tests about its own mistake.
 */

export const STOPPED_CLOCK: TraceClock = { startMs: 1_700_000_000_000, stepMs: 0 };
/** Starts off any round number, so code that aligns windows to the clock aligns them differently. */
export const MOVING_CLOCK: TraceClock = { startMs: 2_000_000_012_345, stepMs: 3_600_000 };

/** The first call the two runs answer differently (a stop counts as an answer), or null. */
function firstDifference(
  definition: AnyChallengeDefinition,
  first: TraceRun | undefined,
  second: TraceRun | undefined,
  callCount: number,
): number | null {
  for (let i = 0; i < callCount; i++) {
    if (answerText(definition.entry, first, i) !== answerText(definition.entry, second, i))
      return i;
  }
  return null;
}

/** Runs a clock test's case under both clocks and compares the two runs. */
export async function clockResult(
  definition: AnyChallengeDefinition,
  session: LearnerSession,
  graded: GradedCase<unknown>,
): Promise<TestResult> {
  const { name, visible, challengeCase } = graded;
  const trace = definition.toTrace(challengeCase);
  const [stopped, moving] = await session.run([
    { ...trace, clock: STOPPED_CLOCK },
    { ...trace, clock: MOVING_CLOCK },
  ]);
  const index = firstDifference(definition, stopped, moving, trace.calls.length);
  if (index === null) return resultFor(definition, name, visible, null);
  const { entry } = definition;
  return {
    name,
    visible,
    passed: false,
    message: `${callPlace(definition, challengeCase, index)} gave ${answerText(entry, stopped, index)} with the clock stopped and ${answerText(entry, moving, index)} with the clock moving an hour per call: your code reads the clock. Take the time from the timestamp argument, never from Date.now(), new Date() or performance.now().`,
    table: callTable(definition, challengeCase, definition.expected(challengeCase), index, [
      { heading: 'Yours, clock stopped', run: stopped },
      { heading: 'Yours, clock moving', run: moving },
    ]),
    // The playground's clock cannot be made to move like the test's: nothing to replay.
    mismatch: null,
  };
}

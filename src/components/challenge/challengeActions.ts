import type { GradeScope, Mismatch } from '../../challenge/types';
import type { RequestTrace, TrafficRequest } from '../../engine';
import { runGrade, runOwnCases } from '../../sandbox';
import { useAppStore } from '../../store';
import { progressOf } from '../../store/challengeSlice';
import { startLearnerLimiter } from './learnerLimiter';

/**
 * Grades `source` in the sandbox and records the outcome: every test, or (scope 'samples') the
 * visible samples only, which can never mark the challenge passed. Learner code runs only from here.
 */
export async function gradeDraft(source: string, scope: GradeScope = 'all'): Promise<void> {
  const store = useAppStore.getState();
  if (store.challengeRun.status === 'running') return;
  // The picker is disabled while running, so the result belongs to this challenge.
  const challengeId = store.activeChallengeId;
  store.setChallengeDraft(challengeId, source);
  store.setChallengeRun({ status: 'running', step: null });
  const outcome = await runGrade(source, {
    challengeId,
    scope,
    onProgress: (step) => useAppStore.getState().setChallengeRun({ status: 'running', step }),
  });
  const after = useAppStore.getState();
  if (!outcome.ok) {
    after.setChallengeRun({ status: 'failed', error: outcome.error });
    return;
  }
  after.setChallengeRun({ status: 'graded', report: outcome.report });
  if (scope === 'all' && outcome.report.scope === 'all' && outcome.report.passed) {
    after.setChallengePassed(challengeId, true);
  }
}

/**
 * Runs the learner's own cases of the challenge on screen with `source`; the judge worker answers
 * for the reference. A result that arrives after another challenge was picked is dropped.
 */
export async function runOwnCaseDrafts(source: string): Promise<void> {
  const store = useAppStore.getState();
  if (store.ownCaseRun.status === 'running') return;
  const challengeId = store.activeChallengeId;
  const cases = progressOf(store, challengeId).ownCases ?? [];
  store.setChallengeDraft(challengeId, source);
  store.setOwnCaseRun({ status: 'running', challengeId });
  const outcome = await runOwnCases(source, challengeId, cases);
  const after = useAppStore.getState();
  if (after.ownCaseRun.status !== 'running' || after.ownCaseRun.challengeId !== challengeId) return;
  after.setOwnCaseRun(
    outcome.ok
      ? { status: 'done', challengeId, cases, report: outcome.report }
      : { status: 'failed', challengeId, error: outcome.error },
  );
}

/** Longest failing sequence the graph replays; longer ones are summarised in text only. */
export const MAX_REPLAY_CALLS = 200;

const count = (n: number) => n.toLocaleString('en');

/** What the rate-limit stage did with `trace`'s request, as the limiter's answer, or null. */
function limiterAnswer(trace: RequestTrace | undefined): boolean | null {
  const verdict = trace?.decision.stages.find((record) => record.stage === 'rate-limit')?.verdict;
  return verdict === undefined ? null : verdict === 'pass';
}

/**
 * Plays a failing sequence (up to the call that differs) through a fresh playground that uses the
 * learner's limiter with the case's limits, each request reaching the limiter at the test's own
 * time; the learner's settings are not changed. Returns a sentence for the learner naming the
 * call that differs.
 */
export async function replayOnGraph(source: string, mismatch: Mismatch): Promise<string> {
  const calls = mismatch.limiterCase.calls.slice(0, mismatch.index + 1);
  if (calls.length > MAX_REPLAY_CALLS) {
    return `This sequence has ${count(calls.length)} calls; the graph replays at most ${MAX_REPLAY_CALLS}. The one that differs is ${mismatch.differingCall}.`;
  }
  const clients = [...new Set(calls.map((c) => c.clientId))];
  const store = useAppStore.getState();
  // The learner's settings stay as they are: the case's limits go to the learner's limiter only.
  const { keyMode, registeredKeys } = store.settings;
  const anyKey = keyMode === 'presence';
  if (!anyKey && clients.length > registeredKeys.length) {
    return `This sequence has ${clients.length} clients; the playground knows ${registeredKeys.length} API keys, so it cannot replay it without changing your settings. The call that differs is ${mismatch.differingCall}.`;
  }
  const keyOf = (clientId: string) =>
    anyKey ? clientId : (registeredKeys[clients.indexOf(clientId)] as string);
  store.resetPlayground();
  const { maxRequests, windowMs } = mismatch.limiterCase;
  startLearnerLimiter(source, { maxRequests, windowMs });
  // Each request reaches the limiter networkMs after it is sent: sent that much before the test's
  // time (before 0 for a test starting at 0, already on its way when the clock starts), it is
  // decided at exactly the time the test gave, and the log shows that time.
  const { simulation } = useAppStore.getState();
  const { networkMs } = simulation.timing;
  const traffic: TrafficRequest[] = calls.map((call) => ({
    clientId: keyOf(call.clientId),
    apiKey: keyOf(call.clientId),
    path: '/api/users',
    sentAtMs: call.timestampMs - networkMs,
  }));
  try {
    await useAppStore.getState().sendTraffic(traffic);
  } catch (error) {
    return `The replay could not be sent: ${error instanceof Error ? error.message : String(error)}`;
  }
  const last = traffic.at(-1);
  if (last !== undefined) useAppStore.getState().advanceClock(simulation.arrivalMs(last));
  document.getElementById('model')?.scrollIntoView({ block: 'start' });
  const firstMs = calls[0]?.timestampMs ?? 0;
  const lastMs = calls.at(-1)?.timestampMs ?? 0;
  const times =
    firstMs === lastMs
      ? `t = ${count(firstMs)} ms`
      : `t = ${count(firstMs)} to ${count(lastMs)} ms`;
  const renamed = anyKey
    ? ''
    : ` Clients are shown by API key: ${clients.map((c) => `${c} → ${keyOf(c)}`).join(', ')}.`;
  const onGraph = limiterAnswer(useAppStore.getState().traces.at(-1));
  const shown =
    onGraph === null
      ? ''
      : ` On the graph your limiter answered ${String(onGraph)} (${onGraph ? 'passed on' : '429'}).`;
  return `It differs at ${mismatch.differingCall}.${shown} Replayed ${calls.length} requests at the test's own times (${times}) with your limiter and the test's limit of ${maxRequests} per ${count(windowMs)} ms; your settings are unchanged.${renamed}`;
}

import type { Mismatch } from '../../challenge/types';
import type { TrafficRequest } from '../../engine';
import { runGrade } from '../../sandbox';
import { useAppStore } from '../../store';
import { startLearnerLimiter } from './learnerLimiter';

/** Grades `source` in the sandbox and records the outcome. Learner code runs only from here. */
export async function gradeDraft(source: string): Promise<void> {
  const store = useAppStore.getState();
  if (store.challengeRun.status === 'running') return;
  // The picker is disabled while running, so the result belongs to this challenge.
  const challengeId = store.activeChallengeId;
  store.setChallengeDraft(challengeId, source);
  store.setChallengeRun({ status: 'running', step: null });
  const outcome = await runGrade(source, {
    challengeId,
    onProgress: (step) => useAppStore.getState().setChallengeRun({ status: 'running', step }),
  });
  const after = useAppStore.getState();
  if (!outcome.ok) {
    after.setChallengeRun({ status: 'failed', error: outcome.error });
    return;
  }
  after.setChallengeRun({ status: 'graded', report: outcome.report });
  if (outcome.report.passed) after.setChallengePassed(challengeId, true);
}

/** Longest failing sequence the graph replays; longer ones are summarised in text only. */
export const MAX_REPLAY_CALLS = 200;

/**
 * Plays a failing sequence (up to the call that differs) through a fresh playground that uses the
 * learner's limiter with the case's limits; the learner's settings are not changed. Returns a
 * sentence for the learner.
 */
export async function replayOnGraph(source: string, mismatch: Mismatch): Promise<string> {
  const calls = mismatch.limiterCase.calls.slice(0, mismatch.index + 1);
  if (calls.length > MAX_REPLAY_CALLS) {
    return `This sequence has ${calls.length} calls; the graph replays at most ${MAX_REPLAY_CALLS}.`;
  }
  const clients = [...new Set(calls.map((c) => c.clientId))];
  const store = useAppStore.getState();
  // The learner's settings stay as they are: the case's limits go to the learner's limiter only.
  const { keyMode, registeredKeys } = store.settings;
  const anyKey = keyMode === 'presence';
  if (!anyKey && clients.length > registeredKeys.length) {
    return `This sequence has ${clients.length} clients; the playground knows ${registeredKeys.length} API keys, so it cannot replay it without changing your settings.`;
  }
  const keyOf = (clientId: string) =>
    anyKey ? clientId : (registeredKeys[clients.indexOf(clientId)] as string);
  store.resetPlayground();
  startLearnerLimiter(source, {
    maxRequests: mismatch.limiterCase.maxRequests,
    windowMs: mismatch.limiterCase.windowMs,
  });
  // Requests reach the limiter networkMs after they are sent. Keep the test's own times when they
  // allow it; otherwise shift by whole windows (which still changes answers of code that, wrongly,
  // depends on absolute time) and say so.
  const { simulation } = useAppStore.getState();
  const { networkMs } = simulation.timing;
  const firstMs = calls[0]?.timestampMs ?? 0;
  const { windowMs } = mismatch.limiterCase;
  const shiftMs = firstMs >= networkMs ? 0 : Math.ceil((networkMs - firstMs) / windowMs) * windowMs;
  const traffic: TrafficRequest[] = calls.map((call) => ({
    clientId: keyOf(call.clientId),
    apiKey: keyOf(call.clientId),
    path: '/api/users',
    sentAtMs: call.timestampMs + shiftMs - networkMs,
  }));
  try {
    await useAppStore.getState().sendTraffic(traffic);
  } catch (error) {
    return `The replay could not be sent: ${error instanceof Error ? error.message : String(error)}`;
  }
  const last = traffic.at(-1);
  if (last !== undefined) useAppStore.getState().advanceClock(simulation.arrivalMs(last));
  document.getElementById('model')?.scrollIntoView({ block: 'start' });
  const renamed = anyKey
    ? ''
    : ` Clients are shown by API key: ${clients.map((c) => `${c} → ${keyOf(c)}`).join(', ')}.`;
  const limits = ` Your limiter ran with the test's limit of ${mismatch.limiterCase.maxRequests} per ${mismatch.limiterCase.windowMs} ms; your settings are unchanged.`;
  const shifted =
    shiftMs === 0
      ? ''
      : ` Times were moved ${shiftMs} ms later so they fit the playground's clock.`;
  return `Replayed ${calls.length} requests with your limiter; the last one is where it differs.${shifted}${renamed}${limits}`;
}

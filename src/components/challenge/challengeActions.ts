import type { Mismatch } from '../../challenge/types';
import { REGISTERED_KEYS } from '../../content/services';
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
 * learner's limiter with the case's settings. Returns a sentence for the learner.
 */
export async function replayOnGraph(source: string, mismatch: Mismatch): Promise<string> {
  const calls = mismatch.limiterCase.calls.slice(0, mismatch.index + 1);
  if (calls.length > MAX_REPLAY_CALLS) {
    return `This sequence has ${calls.length} calls; the graph replays at most ${MAX_REPLAY_CALLS}.`;
  }
  const clients = [...new Set(calls.map((c) => c.clientId))];
  const useRegistered = clients.length <= REGISTERED_KEYS.length;
  const keyOf = (clientId: string) =>
    useRegistered ? (REGISTERED_KEYS[clients.indexOf(clientId)] as string) : clientId;
  const store = useAppStore.getState();
  const problem = store.applySettings({
    maxRequests: mismatch.limiterCase.maxRequests,
    windowMs: mismatch.limiterCase.windowMs,
    algorithm: 'sliding-window-log',
    ...(useRegistered ? {} : { keyMode: 'presence' as const }),
  });
  if (problem !== null) return `The playground refused these settings: ${problem.message}`;
  store.resetPlayground();
  startLearnerLimiter(source);
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
  const renamed = useRegistered
    ? ` Clients are shown by API key: ${clients.map((c) => `${c} → ${keyOf(c)}`).join(', ')}.`
    : ' Key checking was set to "presence" so every client name is accepted as a key.';
  const shifted =
    shiftMs === 0
      ? ''
      : ` Times were moved ${shiftMs} ms later so they fit the playground's clock.`;
  return `Replayed ${calls.length} requests with your limiter; the last one is where it differs.${shifted}${renamed}`;
}

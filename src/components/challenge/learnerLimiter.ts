import {
  slidingLogSnapshot,
  type AlgorithmName,
  type LimiterSnapshot,
  type RateLimitAlgorithm,
  type TrafficRequest,
} from '../../engine';
import type { LimiterCall } from '../../challenge/types';
import { runLimiterDecisions } from '../../sandbox';
import { useAppStore } from '../../store';
import type { LimiterLimits } from '../../store/challengeSlice';

export const LEARNER_PREPARER = 'challenge-learner-limiter';

/**
 * The learner's RateLimiter as an engine limiter. Learner code cannot run synchronously on the
 * page, so before each send `prepare` replays every limiter call so far plus the coming ones on a
 * fresh instance in the worker; `allowRequest` then serves those answers in call order. A call
 * that differs from the plan is refused and noted (it means the plan missed something).
 */
export class LearnerLimiter implements RateLimitAlgorithm {
  readonly algorithm: AlgorithmName = 'sliding-window-log';
  readonly lastDelayMs = 0;
  private made: LimiterCall[] = [];
  private planned: readonly LimiterCall[] = [];
  private answers: readonly boolean[] = [];
  /** Allowed timestamps per client, as the learner's limiter decided: for headers and the graph. */
  private readonly allowed = new Map<string, number[]>();

  constructor(
    private readonly source: string,
    readonly maxRequests: number,
    readonly windowMs: number,
    private readonly onNote: (note: string) => void,
  ) {}

  get policy() {
    return { quota: this.maxRequests, windowSeconds: this.windowMs / 1000 };
  }

  get clientCount(): number {
    return this.allowed.size;
  }

  /** Computes the answers for the calls made so far plus those `requests` will cause. */
  async prepare(
    requests: readonly TrafficRequest[],
  ): Promise<{ ok: true } | { ok: false; message: string }> {
    const plan = [...this.made, ...useAppStore.getState().simulation.limiterCallsFor(requests)];
    if (plan.length === this.made.length) return { ok: true };
    const result = await runLimiterDecisions(this.source, this.maxRequests, this.windowMs, plan);
    if (!result.ok) {
      const line = result.error.line === undefined ? '' : ` (line ${result.error.line})`;
      return { ok: false, message: `${result.error.message}${line}` };
    }
    this.planned = plan;
    this.answers = result.decisions;
    return { ok: true };
  }

  allowRequest(clientId: string, timestampMs: number): boolean {
    const index = this.made.length;
    this.made.push({ clientId, timestampMs });
    const plan = this.planned[index];
    if (plan === undefined || plan.clientId !== clientId || plan.timestampMs !== timestampMs) {
      this.onNote(
        `Request from "${clientId}" at ${timestampMs} ms was not in the plan sent to your code, so it was refused.`,
      );
      return false;
    }
    const answer = this.answers[index] === true;
    if (answer) {
      const times = this.allowed.get(clientId) ?? [];
      times.push(timestampMs);
      this.allowed.set(clientId, times);
    }
    return answer;
  }

  snapshot(clientId: string, nowMs: number): LimiterSnapshot {
    const times = this.allowed.get(clientId) ?? [];
    // Timestamps only grow, so what has left the window never comes back: drop it for good.
    const firstLive = times.findIndex((t) => nowMs - t < this.windowMs);
    const marks = firstLive === -1 ? [] : times.slice(firstLive);
    if (firstLive !== 0) this.allowed.set(clientId, marks);
    // A copy: later allowed requests are pushed onto the kept array.
    return slidingLogSnapshot([...marks], this.maxRequests, this.windowMs, nowMs);
  }

  evictIdle(nowMs: number): number {
    let dropped = 0;
    for (const [clientId, times] of this.allowed) {
      if (times.every((t) => nowMs - t >= this.windowMs)) {
        this.allowed.delete(clientId);
        dropped++;
      }
    }
    return dropped;
  }
}

/**
 * Switches the playground to the learner's limiter; it stays on until `stopLearnerLimiter`. With
 * `limits` (a replay) it runs with those instead of the settings, which stay the learner's.
 */
export function startLearnerLimiter(source: string, limits?: LimiterLimits): void {
  const store = useAppStore.getState();
  const withLimits = limits === undefined ? {} : { limits };
  const note = (text: string) =>
    useAppStore.getState().setLearnerLimiter({ active: true, note: text, ...withLimits });
  let limiter: LearnerLimiter | null = null;
  const install = () => {
    const { settings, gateway, setLimiterOverride } = useAppStore.getState();
    const { maxRequests, windowMs } = limits ?? settings;
    limiter = new LearnerLimiter(source, maxRequests, windowMs, note);
    setLimiterOverride(limiter);
    return gateway;
  };
  let gateway = install();
  store.setPreparer(LEARNER_PREPARER, {
    async prepare(traffic, pending) {
      const state = useAppStore.getState();
      // A reset or new limiter settings replaced the gateway's limiter: start the learner's afresh.
      if (limiter === null || state.gateway !== gateway || state.gateway.getLimiter() !== limiter) {
        gateway = install();
      }
      const outcome = await (limiter as LearnerLimiter).prepare([...pending, ...traffic]);
      if (!outcome.ok) {
        stopLearnerLimiter(`Your limiter was switched off: ${outcome.message}`);
      }
    },
  });
  store.setLearnerLimiter({ active: true, note: null, ...withLimits });
}

/** Back to the built-in limiter; `note` says why when it was not the learner's choice. */
export function stopLearnerLimiter(note: string | null = null): void {
  const store = useAppStore.getState();
  store.setPreparer(LEARNER_PREPARER, null);
  store.setLimiterOverride(null);
  store.setLearnerLimiter({ active: false, note });
}

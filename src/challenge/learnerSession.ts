import {
  MAX_LOG_LINE_CHARS,
  MAX_LOG_LINES,
  MAX_LOG_TOTAL_CHARS,
  type JudgeToLearner,
  type LearnerEntry,
  type LearnerToJudge,
  type LearnerTrace,
  type TraceRun,
} from '../sandbox/learnerProtocol';
import { isLearnerReply, isTraceRun } from './learnerReplies';

/** The judge's line to the learner side (a browser worker's port, or a Node worker thread). */
export interface LearnerEndpoint {
  send(message: JudgeToLearner): void;
  /** Every message the learner side posts: untrusted. */
  onMessage(handler: (data: unknown) => void): void;
  /** The learner side is gone (it exited or crashed). */
  onGone(handler: (why: string) => void): void;
  /** Stops the learner side for good. */
  close(): void;
}

/** Why the learner side gave no answer: it ran out of time, or it died. */
export class LearnerStopped extends Error {
  constructor(
    readonly kind: 'timeout' | 'crashed',
    message: string,
  ) {
    super(message);
  }
}

/** Room for the harness's "… (n characters, cut)" note after a cut line. */
const CUT_NOTE_CHARS = 40;

/** Most time the learner side may take to start, not counted as the learner's time. */
export const STARTUP_LIMIT_MS = 10_000;

function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(1)} s`;
}

type Reply = Exclude<LearnerToJudge, { type: 'ready' }>;

interface Waiting {
  readonly accepts: (data: unknown) => boolean;
  readonly resolve: (data: unknown) => void;
  readonly reject: (error: LearnerStopped) => void;
}

/**
 * Asks the learner side to load code and run traces, one request at a time, and keeps the time the
 * learner side spends answering within `budgetMs` in total. Replies are shape-checked; anything
 * else (learner code may post too) is ignored. Once stopped, every request rejects at once.
 */
export class LearnerSession {
  /** What the judge is doing, for the timeout message. */
  step: string | null = null;
  private usedMs = 0;
  private nextId = 1;
  private waiting: Waiting | null = null;
  private stopped: LearnerStopped | null = null;
  private readonly logLines: string[] = [];
  private logChars = 0;
  private droppedLogLines = 0;
  private harnessDroppedLogLines = 0;

  constructor(
    private readonly endpoint: LearnerEndpoint,
    private readonly budgetMs: number,
  ) {
    endpoint.onMessage((data) => {
      const waiting = this.waiting;
      if (waiting !== null && waiting.accepts(data)) {
        this.waiting = null;
        waiting.resolve(data);
      }
    });
    endpoint.onGone((why) => this.stop(new LearnerStopped('crashed', why)));
  }

  /** Resolves once the learner side is listening. */
  ready(): Promise<void> {
    return this.wait(
      (data) =>
        typeof data === 'object' && data !== null && 'type' in data && data.type === 'ready',
      STARTUP_LIMIT_MS,
      () => new LearnerStopped('crashed', 'The sandbox did not start.'),
    ).then(() => undefined);
  }

  async load(body: string, entry: LearnerEntry): Promise<Reply> {
    const id = this.nextId++;
    return this.request({ type: 'load', id, body, entry }, (data) => isLearnerReply(data, id));
  }

  /** The learner's outputs for each trace, each checked against its trace's length. */
  /**
   * The learner's outputs for each trace. `counted: false` (for shrinking, which makes many small
   * round trips) keeps the time off the learner's budget; each such request still gets at most
   * the whole budget, so an infinite loop is stopped all the same.
   */
  async run(traces: readonly LearnerTrace[], { counted = true } = {}): Promise<TraceRun[]> {
    const id = this.nextId++;
    const reply = await this.request(
      { type: 'run', id, traces },
      (data) =>
        isLearnerReply(data, id) &&
        data.type === 'ran' &&
        data.runs.length === traces.length &&
        data.runs.every((run, i) => isTraceRun(run, traces[i]?.calls.length ?? 0)),
      counted,
    );
    return reply.type === 'ran' ? [...reply.runs] : [];
  }

  /** Console lines so far, capped by lines and characters, with a note when some were cut. */
  logs(): string[] {
    const dropped = this.droppedLogLines + this.harnessDroppedLogLines;
    return dropped === 0
      ? [...this.logLines]
      : [
          ...this.logLines,
          `… ${dropped} more console lines not shown (output is capped at ${MAX_LOG_LINES} lines and ${MAX_LOG_TOTAL_CHARS.toLocaleString('en')} characters)`,
        ];
  }

  /** Rejects with the reason the session stopped, if it did (fast-check swallows rejections). */
  assertRunning(): void {
    if (this.stopped !== null) throw this.stopped;
  }

  /** Ends the session: the learner side is closed and later requests reject. */
  close(): void {
    this.stop(new LearnerStopped('crashed', 'The sandbox was closed.'));
  }

  /** Time the learner side spent answering, ms. */
  get learnerMs(): number {
    return this.usedMs;
  }

  private async request(
    message: JudgeToLearner,
    accepts: (data: unknown) => boolean,
    counted = true,
  ) {
    const startedMs = performance.now();
    const remainingMs = counted ? Math.max(0, this.budgetMs - this.usedMs) : this.budgetMs;
    try {
      const reply = (await this.wait(
        accepts,
        remainingMs,
        () => {
          const during = this.step === null ? '' : ` (during "${this.step}")`;
          return new LearnerStopped(
            'timeout',
            `Stopped after ${seconds(this.budgetMs)}${during}: an infinite loop, a very slow solution, or code that closed the worker?`,
          );
        },
        message,
      )) as Reply;
      this.keepLogs(reply.logs);
      this.harnessDroppedLogLines = Math.max(this.harnessDroppedLogLines, reply.droppedLogs);
      return reply;
    } finally {
      if (counted) this.usedMs += performance.now() - startedMs;
    }
  }

  private wait(
    accepts: (data: unknown) => boolean,
    limitMs: number,
    onTimeout: () => LearnerStopped,
    message?: JudgeToLearner,
  ): Promise<unknown> {
    if (this.stopped !== null) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.stop(onTimeout()), limitMs);
      this.waiting = {
        accepts,
        resolve: (data) => {
          clearTimeout(timer);
          resolve(data);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      if (message !== undefined) this.endpoint.send(message);
    });
  }

  private stop(reason: LearnerStopped): void {
    if (this.stopped !== null) return;
    this.stopped = reason;
    this.endpoint.close();
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(reason);
  }

  private keepLogs(lines: readonly string[]): void {
    for (const line of lines) {
      if (this.logLines.length >= MAX_LOG_LINES || this.logChars >= MAX_LOG_TOTAL_CHARS) {
        this.droppedLogLines++;
        continue;
      }
      const kept =
        line.length > MAX_LOG_LINE_CHARS + CUT_NOTE_CHARS
          ? `${line.slice(0, MAX_LOG_LINE_CHARS)} … (cut)`
          : line;
      this.logLines.push(kept);
      this.logChars += kept.length;
    }
  }
}

import type { AccessLogRecord } from './accessLog';
import { REQUEST_ID_PREFIX, formatRequestId, requestIdNumber } from './requestIds';

/** A line's numbers in `AccessLog.numbers`, side by side. */
const TIME = 0;
const LATENCY = 1;
const STATUS = 2;
/** The number of a gateway-given id (see `write`), or -1 when the id is in `texts`. */
const ID_NUMBER = 3;
const NUMBERS = 4;
/** A line's texts in `AccessLog.texts`, side by side. */
const ID = 0;
const CLIENT = 1;
const METHOD = 2;
const PATH = 3;
const DECIDED_BY = 4;
const UPSTREAM = 5;
const TEXTS = 6;

/**
 * The access log's store: the last `limit` lines in a ring, without an object per line (a log of
 * 100,000 objects costs the garbage collector more than the rest of the pipeline). A line's
 * numbers sit side by side in one typed array and its texts side by side in one array, so
 * writing a line touches two places in memory rather than one per field. `records()` builds the
 * objects when someone reads them. An id the gateway gave (`req-000042`) is kept as its number: a string per
 * line would be a new object for every request held for 100,000 more, and moving those out of
 * the young generation was most of what the log cost. The ring starts small and doubles up to `limit`, so a short log (or one
 * that is off) costs little.
 */
export class AccessLog {
  private numbers = new Float64Array(0);
  private texts: (string | null)[] = [];
  /** Lines the ring has room for now. */
  private capacity = 0;
  /** Index of the oldest line, and how many there are. */
  private start = 0;
  private count = 0;

  constructor(
    readonly limit: number,
    /** The prefix of the ids the gateway gives (the request id stage's). */
    private readonly idPrefix = REQUEST_ID_PREFIX,
  ) {}

  get size(): number {
    return this.count;
  }

  write(
    timeMs: number,
    id: string | null,
    client: string | null,
    method: string,
    path: string,
    status: number,
    decidedBy: string,
    upstream: string | null,
    latencyMs: number,
  ): void {
    if (this.count === this.capacity && this.capacity < this.limit) this.grow();
    const capacity = this.capacity;
    let at = this.start + this.count;
    if (at >= capacity) at -= capacity;
    if (this.count === capacity) this.start = this.start + 1 === capacity ? 0 : this.start + 1;
    else this.count++;
    const n = at * NUMBERS;
    this.numbers[n + TIME] = timeMs;
    this.numbers[n + LATENCY] = latencyMs;
    this.numbers[n + STATUS] = status;
    const idNumber = id === null ? -1 : requestIdNumber(this.idPrefix, id);
    this.numbers[n + ID_NUMBER] = idNumber;
    const t = at * TEXTS;
    this.texts[t + ID] = idNumber === -1 ? id : null;
    this.texts[t + CLIENT] = client;
    this.texts[t + METHOD] = method;
    this.texts[t + PATH] = path;
    this.texts[t + DECIDED_BY] = decidedBy;
    this.texts[t + UPSTREAM] = upstream;
  }

  /** The lines, oldest first. */
  records(): AccessLogRecord[] {
    const out: AccessLogRecord[] = [];
    for (let line = 0; line < this.count; line++) {
      const at = (this.start + line) % this.capacity;
      const n = at * NUMBERS;
      const t = at * TEXTS;
      const idNumber = this.numbers[n + ID_NUMBER] as number;
      out.push({
        timeMs: this.numbers[n + TIME] as number,
        id:
          idNumber === -1 ? (this.texts[t + ID] ?? null) : formatRequestId(this.idPrefix, idNumber),
        client: this.texts[t + CLIENT] ?? null,
        method: this.texts[t + METHOD] as string,
        path: this.texts[t + PATH] as string,
        status: this.numbers[n + STATUS] as number,
        decidedBy: this.texts[t + DECIDED_BY] as string,
        upstream: this.texts[t + UPSTREAM] ?? null,
        latencyMs: this.numbers[n + LATENCY] as number,
      });
    }
    return out;
  }

  clear(): void {
    this.start = 0;
    this.count = 0;
  }

  /**
   * Doubles the ring (at most to `limit` lines), oldest line first again. The lines sit in at most
   * two runs (oldest to the end of the ring, then from its start), each copied in one go.
   */
  private grow(): void {
    const capacity = Math.min(this.limit, Math.max(1024, this.capacity * 2));
    const numbers = new Float64Array(capacity * NUMBERS);
    const texts = new Array<string | null>(capacity * TEXTS).fill(null);
    const first = Math.min(this.count, this.capacity - this.start);
    const second = this.count - first;
    numbers.set(this.numbers.subarray(this.start * NUMBERS, (this.start + first) * NUMBERS), 0);
    numbers.set(this.numbers.subarray(0, second * NUMBERS), first * NUMBERS);
    const from = this.start * TEXTS;
    for (let i = 0; i < first * TEXTS; i++) texts[i] = this.texts[from + i] ?? null;
    for (let i = 0; i < second * TEXTS; i++) texts[first * TEXTS + i] = this.texts[i] ?? null;
    this.numbers = numbers;
    this.texts = texts;
    this.capacity = capacity;
    this.start = 0;
  }
}

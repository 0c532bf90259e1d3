import { requirePositiveInteger, requireWindowMs } from '../errors';
import type { LimiterGauge, LimiterQuota, LimiterSnapshot, RateLimitAlgorithm } from './types';

/** Ring capacity a new client starts with; it doubles up to `maxRequests` as needed. */
const INITIAL_SLOTS = 8;
/** Smallest shared timestamp store. */
const MIN_STORE = 64;
/** A slot's fields in `meta`: ring start in the store, ring capacity, offset of the oldest entry, entries. */
const START = 0;
const CAPACITY = 1;
const HEAD = 2;
const COUNT = 3;
const META = 4;

/**
 * The quota of a sliding-window log at `nowMs`, given the allowed timestamps still inside the
 * window (oldest first). Shared by every limiter that keeps such a log.
 */
export function slidingLogSnapshot(
  marks: readonly number[],
  maxRequests: number,
  windowMs: number,
  nowMs: number,
): LimiterSnapshot {
  // Written out rather than built on slidingLogQuota: the lab asks for one on every refusal.
  const remaining = Math.max(0, maxRequests - marks.length);
  const oldest = marks[0];
  const msUntilNextSlot = oldest === undefined ? 0 : oldest + windowMs - nowMs;
  return {
    limit: maxRequests,
    remaining,
    msUntilAllowed: remaining > 0 ? 0 : msUntilNextSlot,
    msUntilNextSlot,
    marks,
    windowStartMs: nowMs - windowMs,
  };
}

/**
 * `slidingLogSnapshot` without the marks: from how many allowed timestamps are still inside the
 * window and the oldest of them (undefined when none).
 */
export function slidingLogQuota(
  counted: number,
  oldestMs: number | undefined,
  maxRequests: number,
  windowMs: number,
  nowMs: number,
): LimiterQuota {
  const remaining = Math.max(0, maxRequests - counted);
  const msUntilNextSlot = oldestMs === undefined ? 0 : oldestMs + windowMs - nowMs;
  return {
    limit: maxRequests,
    remaining,
    msUntilAllowed: remaining > 0 ? 0 : msUntilNextSlot,
    msUntilNextSlot,
    windowStartMs: nowMs - windowMs,
  };
}

/**
 * The sliding-window log: a request is allowed when fewer than `maxRequests` requests of the same
 * client were allowed in the last `windowMs`. A request exactly `windowMs` old no longer counts.
 * Refused requests are not recorded. Amortized O(1) per decision: each timestamp is appended once
 * and dropped once. Memory is O(maxRequests) per client.
 *
 * Layout, for speed with many clients: each client is a small integer (its slot); its ring of
 * timestamps is a region of one shared Float64Array, and its ring start, capacity, head and count
 * sit side by side in one Int32Array. A decision then touches one Map entry holding a number and a
 * few dense arrays, instead of chasing an object and its own buffer per client.
 */
export class SlidingWindowLimiter implements RateLimitAlgorithm {
  readonly algorithm = 'sliding-window-log' as const;
  readonly policy: { readonly quota: number; readonly windowSeconds: number };
  readonly lastDelayMs = 0;
  private readonly slotOf = new Map<string, number>();
  /**
   * The client `allowRequest` decided last and its slot: the rate-limit stage asks `quota` for
   * that same client next, which then needs no second look-up. Forgotten when slots are freed.
   */
  private lastClient: string | null = null;
  private lastSlot = -1;
  /** When `allowRequest` decided last, and the client's count and oldest entry right after. */
  private lastAtMs = NaN;
  private lastCount = 0;
  private lastOldestMs = 0;
  /** Slots of evicted clients, for reuse. */
  private readonly freeSlots: number[] = [];
  private slotsUsed = 0;
  /** Per slot, side by side so one decision reads one cache line: START, CAPACITY, HEAD, COUNT. */
  private meta = new Int32Array(16 * META);
  /** Every ring, each in its own region; regions are handed out from `storeUsed` onwards. */
  private store = new Float64Array(MIN_STORE);
  private storeUsed = 0;
  /** Sum of the live rings' capacities (the rest of `storeUsed` is left by grown or evicted rings). */
  private storeLive = 0;

  constructor(
    readonly maxRequests: number,
    readonly windowMs: number,
  ) {
    requirePositiveInteger('maxRequests', maxRequests);
    requireWindowMs(windowMs);
    this.policy = { quota: maxRequests, windowSeconds: windowMs / 1000 };
  }

  get clientCount(): number {
    return this.slotOf.size;
  }

  allowRequest(clientId: string, timestampMs: number): boolean {
    let slot = this.slotOf.get(clientId);
    if (slot === undefined) slot = this.addClient(clientId);
    this.lastClient = clientId;
    this.lastSlot = slot;
    const store = this.store;
    const meta = this.meta;
    const at = slot * META;
    const start = meta[at + START] as number;
    const capacity = meta[at + CAPACITY] as number;
    let head = meta[at + HEAD] as number;
    let count = meta[at + COUNT] as number;
    // Drop entries windowMs or more older than this request: they no longer count.
    while (count > 0 && timestampMs - (store[start + head] as number) >= this.windowMs) {
      head = head + 1 === capacity ? 0 : head + 1;
      count--;
    }
    meta[at + HEAD] = head;
    this.lastAtMs = timestampMs;
    if (count >= this.maxRequests) {
      meta[at + COUNT] = count;
      this.lastCount = count;
      this.lastOldestMs = store[start + head] as number;
      return false;
    }
    if (count === capacity) {
      meta[at + COUNT] = count;
      this.grow(slot);
      return this.allowRequest(clientId, timestampMs);
    }
    let tail = head + count;
    if (tail >= capacity) tail -= capacity;
    store[start + tail] = timestampMs;
    meta[at + COUNT] = count + 1;
    this.lastCount = count + 1;
    this.lastOldestMs = count === 0 ? timestampMs : (store[start + head] as number);
    return true;
  }

  snapshot(clientId: string, nowMs: number): LimiterSnapshot {
    return slidingLogSnapshot(
      this.marksAt(clientId, nowMs),
      this.maxRequests,
      this.windowMs,
      nowMs,
    );
  }

  /** As `snapshot` without copying the marks: counts them in place (every request asks this). */
  quota(clientId: string, nowMs: number): LimiterQuota {
    // Straight after deciding for this client at this moment: the decision left count and oldest.
    if (clientId === this.lastClient && nowMs === this.lastAtMs)
      return slidingLogQuota(
        this.lastCount,
        this.lastCount === 0 ? undefined : this.lastOldestMs,
        this.maxRequests,
        this.windowMs,
        nowMs,
      );
    const slot = clientId === this.lastClient ? this.lastSlot : this.slotOf.get(clientId);
    let counted = 0;
    let oldestMs: number | undefined;
    if (slot !== undefined) {
      const start = this.meta[slot * META + START] as number;
      const capacity = this.meta[slot * META + CAPACITY] as number;
      const head = this.meta[slot * META + HEAD] as number;
      const count = this.meta[slot * META + COUNT] as number;
      // The same test as `marksAt`, entry by entry, so the two always agree.
      for (let i = 0; i < count; i++) {
        const t = this.store[
          start + (head + i < capacity ? head + i : head + i - capacity)
        ] as number;
        if (nowMs - t < this.windowMs) {
          oldestMs ??= t;
          counted++;
        }
      }
    }
    return slidingLogQuota(counted, oldestMs, this.maxRequests, this.windowMs, nowMs);
  }

  /** The client's allowed timestamps still inside the window at `nowMs`, oldest first. */
  marksAt(clientId: string, nowMs: number): number[] {
    const slot = this.slotOf.get(clientId);
    if (slot === undefined) return [];
    // One pass over the ring, oldest first (the hot path of every rate-limit stage's snapshot).
    const start = this.meta[slot * META + START] as number;
    const capacity = this.meta[slot * META + CAPACITY] as number;
    const head = this.meta[slot * META + HEAD] as number;
    const count = this.meta[slot * META + COUNT] as number;
    const marks: number[] = [];
    for (let i = 0; i < count; i++) {
      const t = this.store[
        start + (head + i < capacity ? head + i : head + i - capacity)
      ] as number;
      if (nowMs - t < this.windowMs) marks.push(t);
    }
    return marks;
  }

  /** The bar is the allowed requests still in the window; the mark is the oldest of them. */
  gauge(clientId: string, nowMs: number): LimiterGauge {
    const slot = this.slotOf.get(clientId);
    let counted = 0;
    let oldest: number | null = null;
    if (slot !== undefined) {
      const start = this.meta[slot * META + START] as number;
      const capacity = this.meta[slot * META + CAPACITY] as number;
      const head = this.meta[slot * META + HEAD] as number;
      const count = this.meta[slot * META + COUNT] as number;
      // Oldest first, so the expired entries are a prefix: skip it, count the rest. Reads only.
      let skipped = 0;
      while (skipped < count) {
        const k = head + skipped < capacity ? head + skipped : head + skipped - capacity;
        const t = this.store[start + k] as number;
        if (nowMs - t < this.windowMs) {
          oldest = t;
          break;
        }
        skipped++;
      }
      counted = count - skipped;
    }
    return {
      label: 'requests in the last window',
      value: counted,
      max: this.maxRequests,
      markMs: oldest,
      markLabel: 'oldest request counted',
      // One timestamp per request still counted; expired ones are dropped before they matter.
      numbersHeld: counted,
      exact: true,
    };
  }

  evictIdle(nowMs: number): number {
    this.lastClient = null;
    let dropped = 0;
    for (const [clientId, slot] of this.slotOf) {
      this.expire(slot, nowMs);
      if (this.meta[slot * META + COUNT] === 0) {
        this.slotOf.delete(clientId);
        this.freeSlots.push(slot);
        this.storeLive -= this.meta[slot * META + CAPACITY] as number;
        dropped++;
      }
    }
    return dropped;
  }

  /** Drops the slot's entries that are `windowMs` or more older than `nowMs`. */
  private expire(slot: number, nowMs: number): void {
    const start = this.meta[slot * META + START] as number;
    const capacity = this.meta[slot * META + CAPACITY] as number;
    let head = this.meta[slot * META + HEAD] as number;
    let count = this.meta[slot * META + COUNT] as number;
    while (count > 0 && nowMs - (this.store[start + head] as number) >= this.windowMs) {
      head = head + 1 === capacity ? 0 : head + 1;
      count--;
    }
    this.meta[slot * META + HEAD] = head;
    this.meta[slot * META + COUNT] = count;
  }

  /** The slot's entries, oldest first. */
  private ring(slot: number): number[] {
    const start = this.meta[slot * META + START] as number;
    const capacity = this.meta[slot * META + CAPACITY] as number;
    const head = this.meta[slot * META + HEAD] as number;
    const count = this.meta[slot * META + COUNT] as number;
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      const k = head + i < capacity ? head + i : head + i - capacity;
      out.push(this.store[start + k] as number);
    }
    return out;
  }

  private addClient(clientId: string): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.slotsUsed++;
      if (slot * META === this.meta.length) this.growSlots();
    }
    const capacity = Math.min(INITIAL_SLOTS, this.maxRequests);
    // Allocate before the slot is registered: a compaction moves registered rings only.
    this.meta[slot * META + START] = this.allocate(capacity);
    this.meta[slot * META + CAPACITY] = capacity;
    this.meta[slot * META + HEAD] = 0;
    this.meta[slot * META + COUNT] = 0;
    this.storeLive += capacity;
    this.slotOf.set(clientId, slot);
    return slot;
  }

  /** Moves a full ring to a region twice its size (at most `maxRequests`), oldest entry first. */
  private grow(slot: number): void {
    const entries = this.ring(slot);
    const oldCapacity = this.meta[slot * META + CAPACITY] as number;
    const capacity = Math.min(oldCapacity * 2, this.maxRequests);
    const start = this.allocate(capacity);
    this.store.set(entries, start);
    this.meta[slot * META + START] = start;
    this.meta[slot * META + CAPACITY] = capacity;
    this.meta[slot * META + HEAD] = 0;
    this.storeLive += capacity - oldCapacity;
  }

  /** A free region of `size` entries. Compacts (and grows) the store when it runs out. */
  private allocate(size: number): number {
    if (this.storeUsed + size > this.store.length) this.compact(size);
    const start = this.storeUsed;
    this.storeUsed += size;
    return start;
  }

  /** Copies the live rings, unwrapped, into a new store with room for `extra` more and slack. */
  private compact(extra: number): void {
    const next = new Float64Array(Math.max(MIN_STORE, Math.ceil(1.5 * (this.storeLive + extra))));
    let used = 0;
    for (const slot of this.slotOf.values()) {
      next.set(this.ring(slot), used);
      this.meta[slot * META + START] = used;
      this.meta[slot * META + HEAD] = 0;
      used += this.meta[slot * META + CAPACITY] as number;
    }
    this.store = next;
    this.storeUsed = used;
  }

  private growSlots(): void {
    const bigger = new Int32Array(this.meta.length * 2);
    bigger.set(this.meta);
    this.meta = bigger;
  }
}

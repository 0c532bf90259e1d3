/** Simulated time. It moves only when told to, and never backwards. */
export class SimClock {
  private current: number;

  constructor(startMs = 0) {
    this.current = startMs;
  }

  get nowMs(): number {
    return this.current;
  }

  /** Moves the clock forward by `ms` (≥ 0) and returns the new time. */
  advanceBy(ms: number): number {
    if (!(ms >= 0)) throw new RangeError(`the clock cannot move by ${ms} ms`);
    this.current += ms;
    return this.current;
  }

  /** Moves the clock to `atMs`, which must not be in the past. */
  advanceTo(atMs: number): number {
    if (!(atMs >= this.current)) {
      throw new RangeError(`the clock is at ${this.current} ms and cannot go back to ${atMs} ms`);
    }
    this.current = atMs;
    return this.current;
  }
}

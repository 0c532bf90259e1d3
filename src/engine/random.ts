/** A seeded source of numbers in [0, 1). The engine never calls Math.random. */
export interface Random {
  next(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** The seed and position, enough to recreate the same sequence from here. */
  readonly state: number;
}

/** mulberry32: small, fast and good enough for traffic and latencies. Same seed → same sequence. */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    get state() {
      return a;
    },
  };
}

import type { LimiterCall, LimiterCase } from '../types';

/** A named case of the hidden suite; expected answers come from the reference at grading time. */
export interface HiddenTest extends LimiterCase {
  readonly name: string;
  /** Run under two clocks and compared with itself, not the reference (see clockTest.ts). */
  readonly checksClock?: boolean;
}

const at = (clientId: string, ...timestamps: number[]): LimiterCall[] =>
  timestamps.map((timestampMs) => ({ clientId, timestampMs }));

/** `count` calls from one client, one per millisecond from `startMs`. */
function burst(clientId: string, startMs: number, count: number): LimiterCall[] {
  return Array.from({ length: count }, (_, i) => ({ clientId, timestampMs: startMs + i }));
}

/** 100,000 calls from 50 clients, each sending every 50 ms: half of them over a limit of 10/s. */
function largeInput(): LimiterCall[] {
  const calls: LimiterCall[] = [];
  for (let i = 0; i < 100_000; i++) calls.push({ clientId: `client-${i % 50}`, timestampMs: i });
  return calls;
}

/** The hidden suite: one idea per test, named so a failure says which rule broke. */
export function hiddenTests(): HiddenTest[] {
  return [
    {
      name: 'basic limit',
      maxRequests: 3,
      windowMs: 1000,
      calls: at('alice', 10, 20, 30, 40, 50),
    },
    {
      name: 'window expiry',
      maxRequests: 2,
      windowMs: 1000,
      calls: at('alice', 0, 100, 600, 1101, 1150, 1700, 5000, 5001, 5002),
    },
    {
      name: 'exact boundary',
      maxRequests: 1,
      windowMs: 1000,
      calls: at('alice', 500, 1499, 1500, 2499, 2500, 3500),
    },
    {
      name: 'independent clients',
      maxRequests: 2,
      windowMs: 1000,
      calls: [
        ...at('alice', 0, 1),
        ...at('bob', 2, 3),
        ...at('alice', 4),
        ...at('bob', 5),
        ...at('carol', 6, 7, 8),
      ],
    },
    {
      name: 'refused requests not recorded',
      maxRequests: 2,
      windowMs: 1000,
      calls: at('alice', 0, 100, 500, 900, 1000, 1050, 1100, 1950, 2000),
    },
    {
      // More calls per client than the limit, times far before and after any clock: code that
      // reads the clock refuses some under a stopped clock and none under one moving an hour a call.
      name: 'uses the given timestamps, not the clock',
      checksClock: true,
      maxRequests: 1,
      windowMs: 60_000,
      calls: [
        ...at('past', 0, 30_000, 90_000),
        ...at('future', 5e12, 5e12 + 30_000, 5e12 + 90_000),
      ],
    },
    {
      name: 'a limit in the hundreds (500)',
      maxRequests: 500,
      windowMs: 10_000,
      calls: [
        ...burst('alice', 0, 700),
        ...burst('bob', 3000, 520),
        ...burst('alice', 10_000, 600),
      ],
    },
    {
      name: 'a limit in the thousands (2,000)',
      maxRequests: 2000,
      windowMs: 60_000,
      calls: [...burst('alice', 0, 2010), ...burst('alice', 60_000, 30)],
    },
    { name: 'large input (100,000 calls)', maxRequests: 10, windowMs: 1000, calls: largeInput() },
  ];
}

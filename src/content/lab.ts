import type { LabPatternId } from '../engine';

/** The lab's own choice besides the engine's patterns: a trace the learner draws. */
export const DRAWN_PATTERN = 'drawn';
export type LabTraceChoice = LabPatternId | typeof DRAWN_PATTERN;

/** What the lab shows first: the boundary burst, where the algorithms differ the most. */
export const LAB_START = {
  pattern: 'boundary-burst' as LabTraceChoice,
  maxRequests: 5,
  windowSeconds: 60,
  windows: 3,
  seed: 1,
};

/** The settings' ranges, checked where they are typed. */
export const LAB_RANGES = {
  maxRequests: { min: 1, max: 5000 },
  windowSeconds: { min: 0.1, max: 3600 },
  windows: { min: 1, max: 10 },
  seed: { min: 0, max: 2 ** 31 - 1 },
  /** A drawn trace holds at most this many requests (each one a button in the list). */
  drawnRequests: 200,
} as const;

/** Gauge samples per algorithm: one every few pixels of the widest timeline. */
export const LAB_SAMPLES = 400;

/** The table alternative lists at most this many requests (the figures count all of them). */
export const LAB_TABLE_ROWS = 300;

export const LAB_INTRO = [
  'The same requests go through every rate-limiting algorithm the engine has, each given the same limit. ' +
    'Each timeline shows one algorithm: a dot for a request it allowed, a cross for one it refused, and under them the state it keeps for the client.',
  'Drag along the time axis (or focus it and use the arrow keys) to read every algorithm’s state at the same moment.',
] as const;

/** Definitions for the figures' column headers. */
export const LAB_FIGURE_NOTES = {
  mostInAnyWindow:
    'The most requests allowed in any span as long as the window, starting anywhere: above the limit means a client got more than it should.',
  longestWait:
    'The longest a well-behaved client is told to wait (Retry-After, or a leaky bucket holding a request).',
  memory: 'Bytes the algorithm keeps for one client at most during the trace, 8 bytes a number.',
  decisionsPerSecond: 'Measured in this browser tab, replaying the trace into a fresh limiter.',
} as const;

/** Gateways at scale: the words around the replicas drawing. */
export const SCALE_TEXT = {
  intro:
    'A real gateway runs as several replicas behind a load balancer. Each request reaches one of them, so the question is where the rate-limit counter lives.',
  local:
    'Local counters: each replica counts on its own, as Kong’s rate-limiting plugin does with policy: local and Envoy’s local rate limit filter. Nothing is shared and nothing waits on the network, but with N replicas a client can get up to N times the limit.',
  shared:
    'A shared store: the replicas count in one place, as Kong does with policy: redis (or cluster, its database) and Envoy with its global rate limit service, usually backed by Redis. Every request now waits a round trip to the store.',
  race: 'Read, then write: a replica that reads the count, decides, and writes the increment afterwards races the others. Requests whose reads reach the store before an earlier increment all see the same count, and too many pass. Incrementing first (Redis INCR, or a Lua script that checks and increments in one step) removes the race.',
  simplified:
    'Simplified here: the replicas’ clocks agree exactly, the load balancer takes turns (round robin), the store keeps one fixed-window count per window, and a command takes half the round trip to reach it.',
} as const;

/** The scale drawing's settings and their ranges. */
export const SCALE_START = {
  replicas: 3,
  counters: 'local' as 'local' | 'shared',
  strategy: 'read-then-write' as 'read-then-write' | 'atomic',
  storeRoundTripMs: 10,
  requests: 20,
  gapMs: 5,
  maxRequests: 5,
};

export const SCALE_RANGES = {
  storeRoundTripMs: { min: 0, max: 500 },
  requests: { min: 1, max: 60 },
  gapMs: { min: 0, max: 10_000 },
} as const;

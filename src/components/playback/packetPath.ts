import { DEFAULT_TIMING, type HttpStatus, type RequestTrace, type Timing } from '../../engine';
import type { Waypoint } from '../graph/layout';

/** A packet is at `at` at time `atMs`; between two keyframes it moves in a straight line. */
export interface Keyframe {
  readonly atMs: number;
  readonly at: Waypoint;
}

/** The packet's trip, from the trace's events: client → stages → service → client. */
export interface PacketPath {
  readonly keyframes: readonly Keyframe[];
  /** When the stage that settled the request spoke (the refusing stage, or the router). */
  readonly decidedAtMs: number;
  readonly status: HttpStatus;
}

/**
 * Builds the keyframes of one request's trip from its trace's events, plus the simulation's
 * `timing` for the gateway ↔ service legs, which the events do not mark.
 */
export function packetPath(trace: RequestTrace, timing: Timing = DEFAULT_TIMING): PacketPath {
  const client: Waypoint = { kind: 'client', clientId: trace.request.clientId };
  const keyframes: Keyframe[] = [];
  let previousMs = trace.arrivedAtMs;
  let decidedAtMs = trace.arrivedAtMs;
  let lastStage: Waypoint | null = null;
  for (const event of trace.events) {
    switch (event.type) {
      case 'sent':
        keyframes.push({ atMs: event.atMs, at: client });
        break;
      case 'stage': {
        const at: Waypoint = { kind: 'stage', stage: event.stage };
        // The packet reaches a stage halfway between the previous verdict and this one, and
        // waits there while the stage checks it; the first stage is reached on arrival.
        const reachMs = lastStage === null ? previousMs : (previousMs + event.atMs) / 2;
        keyframes.push({ atMs: reachMs, at }, { atMs: event.atMs, at });
        previousMs = event.atMs;
        decidedAtMs = event.atMs;
        lastStage = at;
        break;
      }
      case 'forwarded':
        if (lastStage !== null) keyframes.push({ atMs: event.atMs, at: lastStage });
        keyframes.push({
          atMs: event.atMs + timing.upstreamMs,
          at: { kind: 'service', service: event.service },
        });
        break;
      case 'served':
        keyframes.push({ atMs: event.atMs, at: { kind: 'service', service: event.service } });
        if (lastStage !== null)
          keyframes.push({ atMs: event.atMs + timing.upstreamMs, at: lastStage });
        break;
      case 'responded':
        keyframes.push({ atMs: event.atMs, at: client });
        break;
      case 'arrived':
        break;
    }
  }
  return { keyframes, decidedAtMs, status: trace.decision.status };
}

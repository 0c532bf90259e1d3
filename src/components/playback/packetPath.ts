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
  /**
   * When the packet shows its status: when the stage that settled the request spoke (the refusing
   * or answering stage, or the last before forwarding), or, for a service that failed or timed
   * out, when the gateway learnt it.
   */
  readonly decidedAtMs: number;
  readonly status: HttpStatus;
  /** Answered from the gateway's cache (a Hit): it never travelled to a service. */
  readonly cacheHit: boolean;
}

/** When the gateway knew the request's status: see `PacketPath.decidedAtMs`. */
export function decidedAtMsOf(trace: RequestTrace): number {
  let decided = trace.arrivedAtMs;
  for (const event of trace.events) {
    if (event.type === 'stage' || event.type === 'failed' || event.type === 'timed-out')
      decided = event.atMs;
  }
  return decided;
}

/**
 * Builds the keyframes of one request's trip from its trace's events, plus the simulation's
 * `timing` for the gateway ↔ service legs, which the events do not mark.
 */
export function packetPath(trace: RequestTrace, timing: Timing = DEFAULT_TIMING): PacketPath {
  const client: Waypoint = { kind: 'client', clientId: trace.request.clientId };
  const keyframes: Keyframe[] = [];
  let previousMs = trace.arrivedAtMs;
  let lastStage: Waypoint | null = null;
  const instance = trace.decision.upstream?.instanceIndex;
  const service = (name: string): Waypoint =>
    instance === undefined
      ? { kind: 'service', service: name }
      : { kind: 'service', service: name, instance };
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
        lastStage = at;
        break;
      }
      case 'forwarded':
        if (lastStage !== null) keyframes.push({ atMs: event.atMs, at: lastStage });
        keyframes.push({ atMs: event.atMs + timing.upstreamMs, at: service(event.service) });
        break;
      case 'served':
      case 'failed':
        keyframes.push({ atMs: event.atMs, at: service(event.service) });
        if (lastStage !== null)
          keyframes.push({ atMs: event.atMs + timing.upstreamMs, at: lastStage });
        break;
      case 'timed-out':
        // The gateway gave up waiting: nothing comes back, the packet is at the gateway again.
        keyframes.push({ atMs: event.atMs - timing.upstreamMs, at: service(event.service) });
        if (lastStage !== null) keyframes.push({ atMs: event.atMs, at: lastStage });
        break;
      case 'responded':
        keyframes.push({ atMs: event.atMs, at: client });
        break;
      case 'arrived':
        break;
    }
  }
  const { decidedBy, status } = trace.decision;
  const cacheHit = decidedBy === 'cache' && trace.decision.stages.at(-1)?.verdict === 'respond';
  return { keyframes, decidedAtMs: decidedAtMsOf(trace), status, cacheHit };
}

import type { GatewaySettings, ProfileName, Route, TrafficRequest } from '../engine';
import type { PipelineConfig } from '../store/pipeline';

/**
 * Where an experiment starts: the playground's settings and routes, with the built-in lookup and
 * limiter. `freshLog` empties the log and puts the clock back to 0.
 */
export interface PlaygroundScenario {
  /** Whose rules apply; the lesson's when missing. */
  readonly profile?: ProfileName;
  readonly settings: GatewaySettings;
  readonly routes: readonly Route[];
  readonly freshLog: boolean;
  /** The optional stages; missing: all off, the lesson's three stages. */
  readonly pipeline?: PipelineConfig;
}

/** One step a learner could take on the page, as data: "Show me" plays a list of these. */
export type PlaygroundAction =
  /** Experiment 1's prediction: the request on which rate limiting starts. */
  | { readonly kind: 'predict'; readonly requestNumber: number }
  /** The scale-out experiment's two predictions: requests passed with local and shared counters. */
  | { readonly kind: 'predict-replicas'; readonly local: number; readonly shared: number }
  | { readonly kind: 'add-route'; readonly route: Route }
  /** Routes the playground with this `findRoute(path, routes)` source, as "Apply my lookup" does. */
  | { readonly kind: 'use-lookup'; readonly source: string }
  /** The profile experiment's prediction: how many of the 10 keyed requests Kong lets through. */
  | { readonly kind: 'predict-passes'; readonly count: number }
  /** Switches the gateway's rules, as the profile picker does. */
  | { readonly kind: 'use-profile'; readonly profile: ProfileName }
  /** Skips the clock to just before the next minute and sends ACROSS_A_MINUTE there. */
  | { readonly kind: 'send-across-minute' }
  /** `count` requests at once from a client of content/services (its own key). */
  | {
      readonly kind: 'send';
      readonly clientId: string;
      readonly path: string;
      readonly count: number;
      /** GET when missing. */
      readonly method?: 'GET' | 'POST';
    }
  /** Takes an instance (0-based) of a service down or brings it up, as its button on the graph. */
  | {
      readonly kind: 'instance';
      readonly service: string;
      readonly index: number;
      readonly down: boolean;
    }
  /** Lets every request sent so far come back before the next step (the clock runs on). */
  | { readonly kind: 'settle' };

/** A path no route of the playground serves. */
export const UNKNOWN_PATH = '/no-such-path';

/** Sent 2.5 s before a minute boundary: time enough for the clock to be skipped to it. */
export const LEAD_MS = 2_500;

/** The first minute boundary at least LEAD_MS after `clockMs` (the runner skips to LEAD_MS before it). */
export function nextMinuteAfter(clockMs: number): number {
  return Math.ceil((clockMs + LEAD_MS) / 60_000) * 60_000;
}

/**
 * The profile experiment's traffic around the minute boundary `boundaryMs`: 5 requests with the
 * mobile app's key in the last 2 s of one minute, 5 in the first second of the next, and one
 * request without a key to a path no route serves.
 */
export function acrossAMinute(
  boundaryMs: number,
  keyed: { readonly id: string; readonly apiKey: string | null },
  keyless: { readonly id: string },
): TrafficRequest[] {
  const at = (sentAtMs: number, path = '/api/users'): TrafficRequest => ({
    clientId: keyed.id,
    apiKey: keyed.apiKey,
    path,
    sentAtMs,
  });
  return [
    ...Array.from({ length: 5 }, (_, i) => at(boundaryMs - 2_000 + i * 300)),
    ...Array.from({ length: 5 }, (_, i) => at(boundaryMs + 200 + i * 150)),
    { clientId: keyless.id, apiKey: null, path: UNKNOWN_PATH, sentAtMs: boundaryMs + 1_000 },
  ];
}

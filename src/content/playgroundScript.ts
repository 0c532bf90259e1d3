import type { GatewaySettings, Route } from '../engine';

/**
 * Where an experiment starts: the playground's settings and routes, with the built-in lookup and
 * limiter. `freshLog` empties the log and puts the clock back to 0.
 */
export interface PlaygroundScenario {
  readonly settings: GatewaySettings;
  readonly routes: readonly Route[];
  readonly freshLog: boolean;
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
  /** `count` requests at once from a client of content/services (its own key). */
  | {
      readonly kind: 'send';
      readonly clientId: string;
      readonly path: string;
      readonly count: number;
    };

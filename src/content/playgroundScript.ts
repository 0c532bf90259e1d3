import type { GatewaySettings, Route } from '../engine';
import type { PipelineConfig } from '../store/pipeline';

/**
 * Where an experiment starts: the playground's settings and routes, with the built-in lookup and
 * limiter. `freshLog` empties the log and puts the clock back to 0.
 */
export interface PlaygroundScenario {
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
  | { readonly kind: 'add-route'; readonly route: Route }
  /** Routes the playground with this `findRoute(path, routes)` source, as "Apply my lookup" does. */
  | { readonly kind: 'use-lookup'; readonly source: string }
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

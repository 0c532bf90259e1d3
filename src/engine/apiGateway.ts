import { Gateway, type GatewaySettings } from './gateway';
import type { GatewayDecision } from './pipeline/runner';
import type { MatchKind } from './routing';

export interface GatewayResponse {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  /** How the gateway decided: the stages and the route. */
  readonly decision: GatewayDecision;
}

/**
 * The lesson's gateway, as a small class: register routes, then hand it requests with the time.
 * Defaults: 5 requests per 60,000 ms per API key, sliding-window log, registered keys (`abc123`).
 */
export class APIGateway {
  private readonly gateway: Gateway;

  constructor(settings: Partial<GatewaySettings> = {}) {
    this.gateway = new Gateway(settings);
  }

  /** Routes `path` (a prefix unless `match: 'exact'`) to the service at `serviceUrl`. */
  registerRoute(path: string, serviceUrl: string, options: { match?: MatchKind } = {}): void {
    this.gateway.addRoute({ path, serviceUrl, match: options.match ?? 'prefix' });
  }

  /** Authenticates, rate-limits and routes one request arriving at `nowMs`. */
  handleRequest(request: { path: string; apiKey?: string | null }, nowMs: number): GatewayResponse {
    const decision = this.gateway.handle(request, nowMs);
    return { status: decision.status, body: decision.body, headers: decision.headers, decision };
  }

  /** The gateway underneath, for the simulation and the playground. */
  get core(): Gateway {
    return this.gateway;
  }
}

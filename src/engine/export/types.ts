import type { MatchKind } from '../routing';

/**
 * The playground's gateway as plain data: what an export turns into a real gateway's config. It
 * mirrors the public `createGateway` contract (without the profile: the target is the profile).
 */
export interface GatewayConfig {
  /** `service` is a URL (`http://user-service:3001`) or a bare host name (`user-service`). */
  readonly routes: readonly {
    readonly path: string;
    readonly service: string;
    /** Defaults to `prefix` (segment-aware: `/api/users` never matches `/api/usersX`). */
    readonly match?: MatchKind;
  }[];
  /** The API keys the gateway accepts in the `X-API-Key` header. */
  readonly keys: readonly string[];
  /**
   * `requests` per `windowMs` is the steady rate; `burst` the bucket (nginx `burst`, Envoy
   * `max_tokens`, AWS `burstLimit`); `nodelay: false` queues nginx's excess instead of passing it.
   */
  readonly limit: {
    readonly requests: number;
    readonly windowMs: number;
    readonly burst?: number;
    readonly nodelay?: boolean;
  };
  /** Answer repeated GET/HEAD requests from the gateway for `ttlMs`. */
  readonly cache?: { readonly ttlMs: number };
  /** Instances per service URL (one when absent). */
  readonly instances?: Readonly<Record<string, number>>;
}

/** One exported file, and everything in the config the target could not say. */
export interface ExportResult {
  readonly filename: string;
  readonly text: string;
  /** Each entry one sentence: what was dropped, approximated or behaves differently, and how. */
  readonly notExpressed: readonly string[];
}

/** A gateway the playground can export to. */
export interface ExportTarget {
  readonly id: string;
  /** The target's name for people, e.g. `nginx`. */
  readonly label: string;
  /** What the file is, e.g. `nginx.conf for nginx 1.22 or later`. */
  readonly format: string;
  /** Builds the file; throws a SettingError naming the field for unusable data. */
  emit(config: GatewayConfig): ExportResult;
}

/** The header every target reads the API key from: the playground's `X-API-Key`. */
export const API_KEY_HEADER = 'x-api-key';

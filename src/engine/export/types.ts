import type { GatewayConfig as GatewayOptions } from '../createGateway';

/**
 * The playground's gateway as plain data: what an export turns into a real gateway's config. It is
 * the public `createGateway` contract (without the profile: the target is the profile), plus the
 * number of instances each service runs.
 */
export type GatewayConfig = Omit<GatewayOptions, 'profile'> & {
  /** Instances per service URL (one when absent). */
  readonly instances?: Readonly<Record<string, number>>;
};

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

import { LESSON_PROFILE } from './lesson';
import { matchFirstListed, passThroughUpstream, stagesWith } from './shared';
import type { GatewayProfile } from './types';

/**
 * Envoy with HTTP filters in this order: api_key_auth, local_ratelimit, router. Filters run in the
 * configured order and the router is always last, so an unknown path still passes the key check
 * and takes a token before the router answers 404. Routes are tried in the order listed.
 */
export const ENVOY_PROFILE: GatewayProfile = {
  ...LESSON_PROFILE,
  name: 'envoy',
  label: 'Envoy',
  stageInfo: stagesWith(LESSON_PROFILE.stageInfo, {
    auth: {
      label: 'api_key_auth',
      description: 'The api_key_auth filter reads X-API-KEY: none or an unknown key is 401.',
    },
    'rate-limit': {
      label: 'local_ratelimit',
      description:
        'A token bucket: max_tokens at the start, tokens_per_fill back every fill_interval.',
    },
    router: {
      label: 'router',
      description: 'The last filter: the first route in the list that matches wins; none is 404.',
    },
  }),
  matchRoute: matchFirstListed,
  matching: { prefix: 'string', winner: 'first-listed' },
  limit: {
    algorithm: 'token-bucket',
    mechanism: 'the local_ratelimit filter (a token bucket that starts full)',
    burst: 'max_tokens, the bucket size (the steady rate is tokens_per_fill per fill_interval)',
    statusSetting: null,
    refusedCount: false,
    windowsMs: null,
  },
  simplifications: [
    'One bucket per API key, as local_ratelimit descriptors on the key header give; without descriptors Envoy has one bucket for everyone.',
    'The bucket refills continuously (Envoy since mid-2024 refills on access); older Envoy added tokens_per_fill in steps.',
    "The 401's body is the playground's; Envoy's api_key_auth writes its own short text.",
  ],
  keyHeader: 'X-API-KEY',
  refusals: {
    missingKey: { status: 401, body: 'Unauthorized' },
    unknownKey: { status: 401, body: 'Unauthorized' },
    rateLimited: { status: 429, body: 'local_rate_limited' },
    // The router's 404 (response flag NR, details route_not_found) has an empty body.
    noRoute: { status: 404, body: '' },
  },
  authRefusalHeaders() {},
  rateLimitHeaders(headers, { allowed }) {
    if (!allowed) headers['x-envoy-ratelimited'] = 'true';
  },
  upstreamAnswer: passThroughUpstream({
    refused: {
      status: 503,
      body: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
    },
    timeout: { status: 504, body: 'upstream request timeout' },
  }),
  circuitOpen() {
    return { status: 503, body: 'no healthy upstream' };
  },
};

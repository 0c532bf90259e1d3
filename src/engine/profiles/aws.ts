import { matchRoute } from '../routing';
import { LESSON_PROFILE } from './lesson';
import { jsonMessage, passThroughUpstream, stagesWith } from './shared';
import type { GatewayProfile } from './types';

/**
 * AWS API Gateway, a REST API whose methods require an API key, with a usage plan's throttle.
 * A path with no resource is answered 403 "Missing Authentication Token" before the key is read;
 * resources are path segments (`/api/users/{proxy+}`), so matching respects segments.
 */
export const AWS_PROFILE: GatewayProfile = {
  ...LESSON_PROFILE,
  name: 'aws',
  label: 'AWS API Gateway',
  order: [
    'access-log',
    'request-id',
    'normalise',
    'router',
    'auth',
    'rate-limit',
    'cache',
    'transform',
    'balancer',
  ],
  required: ['router', 'auth', 'rate-limit'],
  stageInfo: stagesWith(LESSON_PROFILE.stageInfo, {
    router: {
      label: 'Resource',
      description: 'Finds the resource and method; none is 403 Missing Authentication Token.',
    },
    auth: {
      label: 'API key',
      description: 'The x-api-key header must hold a key in the usage plan: otherwise 403.',
    },
    'rate-limit': {
      label: 'Throttle',
      description: "The usage plan's token bucket: a steady rate and a burst; over it, 429.",
    },
  }),
  matchRoute,
  matching: { prefix: 'segment', winner: 'exact-then-longest' },
  limit: {
    algorithm: 'token-bucket',
    mechanism: "a usage plan's throttle (a token bucket)",
    burst: 'the usage plan\'s burst, the bucket size (the steady rate is its "rate")',
    statusSetting: null,
    refusedCount: false,
    windowsMs: null,
  },
  simplifications: [
    'AWS states the rate per second; the playground lets it be given per any window.',
    'Throttling in AWS is best effort across its servers; here it is one exact bucket per key.',
    'A prefix route stands for a resource with a {proxy+} child.',
  ],
  keyHeader: 'x-api-key',
  refusals: {
    missingKey: { status: 403, body: jsonMessage('Forbidden') },
    unknownKey: { status: 403, body: jsonMessage('Forbidden') },
    rateLimited: { status: 429, body: jsonMessage('Too Many Requests') },
    noRoute: { status: 403, body: jsonMessage('Missing Authentication Token') },
  },
  authRefusalHeaders() {},
  rateLimitHeaders() {},
  upstreamAnswer: passThroughUpstream({
    refused: { status: 502, body: jsonMessage('Internal server error') },
    timeout: { status: 504, body: jsonMessage('Endpoint request timed out') },
  }),
  circuitOpen() {
    // AWS has no instance health of its own: a simplification (see the balancer stage).
    return { status: 503, body: jsonMessage('Service Unavailable') };
  },
};

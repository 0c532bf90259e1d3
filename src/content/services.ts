import { LESSON_PROFILE, type GatewaySettings, type Route, type StageName } from '../engine';

/** A client drawn on the graph: a name for people and the API key it sends (null: none). */
export interface ClientProfile {
  readonly id: string;
  readonly label: string;
  readonly apiKey: string | null;
}

/** A backend service behind the gateway. */
export interface ServiceProfile {
  readonly id: string;
  readonly label: string;
  readonly url: string;
}

export const CLIENTS: readonly ClientProfile[] = [
  { id: 'mobile', label: 'Mobile app', apiKey: 'abc123' },
  { id: 'web', label: 'Web shop', apiKey: 'web456' },
  { id: 'script', label: 'Anonymous script', apiKey: null },
  // A key nobody registered: refused at Auth with "API key not recognised".
  { id: 'partner', label: 'Old partner key', apiKey: 'zzz999' },
];

/** The client with this id, or the first one (the lesson's mobile app) for an unknown id. */
export function clientById(id: string): ClientProfile {
  return CLIENTS.find((c) => c.id === id) ?? (CLIENTS[0] as ClientProfile);
}

/** How the page names each pipeline stage, in the pipeline's order. */
export const STAGE_LABELS: Readonly<Record<StageName, string>> = Object.fromEntries(
  Object.values(LESSON_PROFILE.stageInfo).map((stage) => [stage.name, stage.label]),
);

/** Keys the gateway knows when it checks registered keys. */
export const REGISTERED_KEYS: readonly string[] = ['abc123', 'web456'];

/** The playground's gateway as the lesson has it: 5 requests per minute per key, known keys only. */
export const INITIAL_SETTINGS: GatewaySettings = {
  maxRequests: 5,
  windowMs: 60_000,
  algorithm: 'sliding-window-log',
  keyMode: 'registered',
  registeredKeys: REGISTERED_KEYS,
};

export const SERVICES: readonly ServiceProfile[] = [
  { id: 'user-service', label: 'User service', url: 'http://user-service:3001' },
  { id: 'order-service', label: 'Order service', url: 'http://order-service:3002' },
  { id: 'payment-service', label: 'Payment service', url: 'http://payment-service:3003' },
  {
    id: 'notification-service',
    label: 'Notification service',
    url: 'http://notification-service:3004',
  },
];

/**
 * The routes the playground starts with. Exact matches, like the lesson's lookup table, so that
 * `/api/users/123` is a 404 until the learner teaches the gateway prefixes; payments is the
 * learner's to add.
 */
export const INITIAL_ROUTES: readonly Route[] = [
  { path: '/api/users', serviceUrl: 'http://user-service:3001', match: 'exact' },
  { path: '/api/orders', serviceUrl: 'http://order-service:3002', match: 'exact' },
  { path: '/api/notifications', serviceUrl: 'http://notification-service:3004', match: 'exact' },
];

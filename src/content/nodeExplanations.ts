import type { CircuitState } from '../engine';

/**
 * What the graph's clients and services are, for their explanations (what each stage does is the
 * engine's own description, from the profile the gateway runs). `{key}`, `{header}` and `{url}`
 * are filled in from the playground.
 */
export const NODE_ROLES = {
  client:
    'It sends every request with the API key {key} in the {header} header. The gateway knows who is calling from that key alone, and counts its quota under it.',
  clientWithoutKey:
    'It sends requests without an API key. The gateway cannot tell who is calling, so Auth refuses every one before any quota is used.',
  service:
    'It answers at {url}. It only ever sees requests the gateway let through and routed to it: a refused request never reaches it, and a cache Hit is answered for it.',
  /** A service's circuit, as the balancer's passive health checks leave it. */
  circuit: {
    closed: 'closed: requests go to its healthy instances',
    open: 'open: every instance is ejected, so the gateway answers 503 at once',
    'half-open': 'half-open: the cool-down is over and one probe request decides',
  } satisfies Record<CircuitState, string>,
} as const;

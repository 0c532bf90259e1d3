import { Gateway, type GatewayDecision, type Route } from '../engine';
import type { RichText } from './experiments';
import { INITIAL_SETTINGS } from './services';

/** The request the lesson uses to show path traversal past a prefix route. */
export const BYPASS_PATH = '/api/users/../admin';

/** The routes of the example: the user service serves everything under /api/users. */
const BYPASS_ROUTES: readonly Route[] = [
  { path: '/api/users', serviceUrl: 'http://user-service:3001', match: 'prefix' },
];

export const PATH_BYPASS_TEXT: RichText = [
  'Routing reads the path as text. With a ',
  { term: 'prefix-match', text: 'prefix route' },
  ' for ',
  { code: '/api/users' },
  ', the request ',
  { code: BYPASS_PATH },
  ' looks like a user-service path, so the gateway forwards it, and a service that resolves the ',
  { code: '..' },
  ' itself reads ',
  { code: '/admin' },
  ': a ',
  { term: 'path-traversal', text: 'path traversal' },
  ' past the gateway’s rules. ',
  { term: 'path-normalisation', text: 'Path normalisation' },
  ' resolves ',
  { code: '..' },
  ' before any rule reads the path, as nginx does. The same request, decided by the engine:',
];

/** What the gateway decides for BYPASS_PATH with normalisation off and on. */
export function pathBypassDecisions(): { normalise: boolean; decision: GatewayDecision }[] {
  return [false, true].map((normalise) => {
    const gateway = new Gateway(INITIAL_SETTINGS, BYPASS_ROUTES);
    gateway.configurePipeline({ normalise });
    return { normalise, decision: gateway.handle({ path: BYPASS_PATH, apiKey: 'abc123' }, 0) };
  });
}

import {
  Gateway,
  type GatewayDecision,
  type GatewayRequest,
  type GatewaySettings,
  type Route,
} from '../engine';
import type { QuizQuestion } from './quiz';

const STATUS_OPTIONS = [
  { id: '200', text: '200 OK (forwarded to a service)' },
  { id: '401', text: '401 Unauthorized' },
  { id: '404', text: '404 Not Found' },
  { id: '429', text: '429 Too Many Requests' },
] as const;

function describeSettings(settings: GatewaySettings): string {
  const keys =
    settings.keyMode === 'registered'
      ? `only registered keys (${settings.registeredKeys.join(', ') || 'none'})`
      : 'any non-empty key';
  return `limit ${settings.maxRequests} per ${settings.windowMs / 1000} s, ${settings.algorithm}, accepting ${keys}`;
}

function explain(decision: GatewayDecision): string {
  const steps = decision.stages.map(
    (record) => `${record.stage}: ${record.verdict} (${record.note})`,
  );
  return `The engine, run with these settings, answers ${decision.status}. ${steps.join('; ')}.`;
}

/** Runs `requests` at the same instant through a fresh gateway; returns the last decision. */
function lastDecision(
  settings: GatewaySettings,
  routes: readonly Route[],
  requests: readonly GatewayRequest[],
): GatewayDecision {
  const gateway = new Gateway(settings, routes);
  let decision: GatewayDecision | null = null;
  for (const request of requests) decision = gateway.handle(request, 0);
  if (decision === null) throw new Error('a generated question needs at least one request');
  return decision;
}

function predictQuestion(
  id: string,
  prompt: string,
  decision: GatewayDecision,
  settings: GatewaySettings,
): QuizQuestion {
  const signature = `${settings.maxRequests}/${settings.windowMs}/${settings.algorithm}/${settings.keyMode}`;
  return {
    id: `${id}@${signature}`,
    kind: 'single',
    prompt: `With the playground’s current settings (${describeSettings(settings)}): ${prompt}`,
    options: STATUS_OPTIONS,
    correct: [String(decision.status)],
    explanation: explain(decision),
  };
}

/**
 * "Predict the status" questions for the playground's current settings and routes. The answers
 * come from a fresh engine Gateway, never from a table, so they follow any change of settings.
 */
export function generatePredictQuestions(
  settings: GatewaySettings,
  routes: readonly Route[],
): QuizQuestion[] {
  const key = settings.registeredKeys[0] ?? 'abc123';
  const toUsers = { path: '/api/users', apiKey: key };
  const overLimit = settings.maxRequests + 1;
  const fourInARow = Array.from({ length: 4 }, () => toUsers);
  const burst = Array.from({ length: overLimit }, () => toUsers);
  const lost = Array.from({ length: overLimit }, () => ({ path: '/api/nowhere', apiKey: key }));
  return [
    predictQuestion(
      'predict-fourth',
      `a client with key “${key}” sends 4 requests to /api/users at the same moment. What does request 4 get?`,
      lastDecision(settings, routes, fourInARow),
      settings,
    ),
    predictQuestion(
      'predict-keyless-after-burst',
      `a client with key “${key}” sends ${overLimit} requests to /api/users at once, then a client with no key sends one. What does the keyless request get?`,
      lastDecision(settings, routes, [...burst, { path: '/api/users', apiKey: null }]),
      settings,
    ),
    predictQuestion(
      'predict-unknown-path',
      `a client with key “${key}” sends ${overLimit} requests to /api/nowhere (no route) at once. What does the last one get?`,
      lastDecision(settings, routes, lost),
      settings,
    ),
  ];
}

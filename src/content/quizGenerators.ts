import {
  Gateway,
  limiterKey,
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
 * Most requests a question may spend to use up a client's quota: beyond this, building the state
 * would stall the page, so the questions that need it are left out.
 */
export const MAX_QUOTA_TO_SPEND = 100_000;

/**
 * A fresh gateway in which `request`'s client has used its whole quota at instant 0, or null when
 * that quota is larger than MAX_QUOTA_TO_SPEND. The limiter itself says how many requests it
 * would allow right now, and those are spent on it directly: only the question's last request
 * goes through the whole pipeline, so no burst of `maxRequests` requests is ever built.
 */
function gatewayWithQuotaSpent(
  settings: GatewaySettings,
  routes: readonly Route[],
  request: GatewayRequest,
): { gateway: Gateway; spent: number } | null {
  const gateway = new Gateway(settings, routes);
  const limiter = gateway.getLimiter();
  const clientId = limiterKey(request);
  const spent = limiter.snapshot(clientId, 0).remaining;
  if (spent > MAX_QUOTA_TO_SPEND) return null;
  for (let i = 0; i < spent; i++) limiter.allowRequest(clientId, 0);
  if (limiter.snapshot(clientId, 0).remaining !== 0)
    throw new Error(`the ${settings.algorithm} limiter still has quota after ${spent} requests`);
  return { gateway, spent };
}

/**
 * "Predict the status" questions for the playground's current settings and routes. The answers
 * come from a fresh engine Gateway, never from a table, so they follow any change of settings.
 * Their cost does not grow with the limit beyond MAX_QUOTA_TO_SPEND limiter calls.
 */
export function generatePredictQuestions(
  settings: GatewaySettings,
  routes: readonly Route[],
): QuizQuestion[] {
  const key = settings.registeredKeys[0] ?? 'abc123';
  const toUsers = { path: '/api/users', apiKey: key };
  const questions = [
    predictQuestion(
      'predict-fourth',
      `a client with key “${key}” sends 4 requests to /api/users at the same moment. What does request 4 get?`,
      lastDecision(settings, routes, [toUsers, toUsers, toUsers, toUsers]),
      settings,
    ),
  ];
  const forKeyless = gatewayWithQuotaSpent(settings, routes, toUsers);
  const forUnknown = gatewayWithQuotaSpent(settings, routes, toUsers);
  if (forKeyless === null || forUnknown === null) return questions;
  const spentIt = `a client with key “${key}” has just used its whole quota (${forKeyless.spent} requests to /api/users at once, all the limiter allows at that moment)`;
  questions.push(
    predictQuestion(
      'predict-keyless-after-quota',
      `${spentIt}. Then a client with no key sends one request to /api/users. What does it get?`,
      forKeyless.gateway.handle({ path: '/api/users', apiKey: null }, 0),
      settings,
    ),
    predictQuestion(
      'predict-unknown-path-after-quota',
      `${spentIt}. It sends one more, to /api/nowhere (no route). What does it get?`,
      forUnknown.gateway.handle({ path: '/api/nowhere', apiKey: key }, 0),
      settings,
    ),
  );
  return questions;
}

import {
  createGateway,
  PROFILE_NAMES,
  PROFILES,
  type GatewayConfig,
  type ProfileName,
} from '../engine';
import type { QuizQuestion } from './quiz';
import { INITIAL_ROUTES, INITIAL_SETTINGS } from './services';

/** The playground's first routes and limit, as the plain contract takes them. */
function configFor(profile: ProfileName): GatewayConfig {
  return {
    profile,
    routes: INITIAL_ROUTES.map((route) => ({
      path: route.path,
      service: route.serviceUrl,
      match: route.match,
    })),
    keys: INITIAL_SETTINGS.registeredKeys,
    limit: { requests: INITIAL_SETTINGS.maxRequests, windowMs: INITIAL_SETTINGS.windowMs },
  };
}

interface Situation {
  readonly id: string;
  readonly prompt: string;
  /** The status the engine answers under `profile` for the situation's last request. */
  readonly answer: (profile: ProfileName) => { status: number; stages: string };
}

const KEY = INITIAL_SETTINGS.registeredKeys[0] ?? 'abc123';

function decide(profile: ProfileName, requests: number, path: string, apiKey: string | null) {
  const gateway = createGateway(configFor(profile));
  let last = gateway.handle({ path, apiKey }, 0);
  for (let i = 1; i < requests; i++) last = gateway.handle({ path, apiKey }, 0);
  return {
    status: last.status,
    stages: last.stages.map((s) => `${s.name}: ${s.verdict}`).join(', '),
  };
}

const SITUATIONS: readonly Situation[] = [
  {
    id: 'keyless-unknown-path',
    prompt: 'a client with no key sends one request to /api/nowhere, a path no route serves.',
    answer: (profile) => decide(profile, 1, '/api/nowhere', null),
  },
  {
    id: 'over-the-limit',
    prompt: `a client with key “${KEY}” sends ${INITIAL_SETTINGS.maxRequests * 2} requests to /api/users at the same moment (limit ${INITIAL_SETTINGS.maxRequests} per ${INITIAL_SETTINGS.windowMs / 1000} s). What does the last one get?`,
    answer: (profile) => decide(profile, INITIAL_SETTINGS.maxRequests * 2, '/api/users', KEY),
  },
];

/** The real gateways the questions ask about: every profile but the lesson's own. */
const OTHERS = PROFILE_NAMES.filter((name) => name !== 'lesson');

/** Every question generateProfileQuestions makes has an id that starts with this. */
const ID_PREFIX = 'profile-';

/** Whether `id` is one of generateProfileQuestions' questions. */
export function isProfileQuestionId(id: string): boolean {
  return id.startsWith(ID_PREFIX);
}

/** How many questions generateProfileQuestions makes, without running the engine. */
export function profileQuestionCount(): number {
  return SITUATIONS.length * OTHERS.length;
}

/**
 * "Predict the status under another gateway" questions, one per situation and real gateway. The
 * answers and the options come from running each profile through createGateway, so they follow
 * the profiles' data, never a table.
 */
export function generateProfileQuestions(): QuizQuestion[] {
  return SITUATIONS.flatMap((situation) => {
    const answers = new Map(PROFILE_NAMES.map((name) => [name, situation.answer(name)]));
    const statuses = [...new Set([...answers.values()].map((a) => a.status))].sort((a, b) => a - b);
    const lesson = answers.get('lesson');
    return OTHERS.map((profile): QuizQuestion => {
      const own = answers.get(profile) ?? { status: 0, stages: '' };
      const label = PROFILES[profile].label;
      return {
        id: `${ID_PREFIX}${situation.id}-${profile}`,
        kind: 'single',
        prompt: `Under ${label}’s rules, ${situation.prompt}`,
        options: statuses.map((status) => ({ id: String(status), text: String(status) })),
        correct: [String(own.status)],
        explanation: `The engine’s ${label} profile answers ${own.status} (${own.stages}); the lesson’s rules answer ${lesson?.status ?? '?'} (${lesson?.stages ?? ''}).`,
      };
    });
  });
}

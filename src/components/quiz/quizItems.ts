import type { GatewaySettings, Route } from '../../engine';
import { FIXED_QUESTIONS, type QuizQuestion } from '../../content/quiz';
import {
  generateProfileQuestions,
  isProfileQuestionId,
  profileQuestionCount,
} from '../../content/profileQuiz';
import { generatePredictQuestions } from '../../content/quizGenerators';
import type { QuizAnswer } from '../../store/progressSlice';
import { quizScore } from './quizScore';

/** The playground's settings and routes a generated question was built from. */
export interface QuizBasis {
  readonly settings: GatewaySettings;
  readonly routes: readonly Route[];
}

/** A question on the page, with the basis it was generated from (null for a fixed question). */
export interface QuizItem {
  readonly question: QuizQuestion;
  readonly basis: QuizBasis | null;
}

/** Questions on the real gateways' profiles: they depend on no setting, so are built once. */
let profileQuestions: readonly QuizQuestion[] | null = null;

/** A generated question's place in the quiz: its id without the settings it was built for. */
const slotOf = (id: string) => id.split('@')[0] ?? id;

/** The question an answer was given to, rebuilt from the basis saved with it; null if it cannot be. */
function answeredQuestion(id: string, basis: QuizBasis): QuizQuestion | null {
  try {
    return generatePredictQuestions(basis.settings, basis.routes).find((q) => q.id === id) ?? null;
  } catch {
    // A saved basis the engine no longer accepts: the question follows the settings again.
    return null;
  }
}

/**
 * The quiz: the fixed questions, those generated from the playground's settings, then those
 * generated from the real gateways' profiles. A generated
 * question that was answered keeps the settings and routes it was answered with (saved with the
 * answer), so changing the settings, or a replay, never takes a right answer away.
 */
export function quizItems(
  settings: GatewaySettings,
  routes: readonly Route[],
  answers: Readonly<Record<string, QuizAnswer>>,
): readonly QuizItem[] {
  // The progress box (on the first screen) and the quiz ask for the same quiz: it is built once.
  if (
    last !== null &&
    last.settings === settings &&
    last.routes === routes &&
    last.answers === answers
  )
    return last.items;
  const items = buildQuizItems(settings, routes, answers);
  last = { settings, routes, answers, items };
  return items;
}

/** The last quiz built and what it was built from (the store's objects, compared by identity). */
let last: {
  readonly settings: GatewaySettings;
  readonly routes: readonly Route[];
  readonly answers: Readonly<Record<string, QuizAnswer>>;
  readonly items: readonly QuizItem[];
} | null = null;

/**
 * The score of the quiz quizItems builds, for the progress box on the first screen: the questions
 * on the real gateways' profiles (which run the engine under every profile) are built only once
 * one of them has been answered, or the quiz has built them; until then they only count.
 */
export function quizProgress(
  settings: GatewaySettings,
  routes: readonly Route[],
  answers: Readonly<Record<string, QuizAnswer>>,
): ReturnType<typeof quizScore> {
  if (profileQuestions !== null || Object.keys(answers).some(isProfileQuestionId)) {
    const questions = quizItems(settings, routes, answers).map((item) => item.question);
    return quizScore(questions, answers);
  }
  const questions = settingsItems(settings, routes, answers).map((item) => item.question);
  const score = quizScore(questions, answers);
  return { ...score, total: score.total + profileQuestionCount() };
}

function buildQuizItems(
  settings: GatewaySettings,
  routes: readonly Route[],
  answers: Readonly<Record<string, QuizAnswer>>,
): readonly QuizItem[] {
  profileQuestions ??= generateProfileQuestions();
  return [
    ...settingsItems(settings, routes, answers),
    ...profileQuestions.map((question) => ({ question, basis: null })),
  ];
}

/** The fixed questions, then those generated from the settings (or the basis they were answered with). */
function settingsItems(
  settings: GatewaySettings,
  routes: readonly Route[],
  answers: Readonly<Record<string, QuizAnswer>>,
): readonly QuizItem[] {
  const current: QuizBasis = { settings, routes };
  const generated = generatePredictQuestions(settings, routes).map((question): QuizItem => {
    const slot = slotOf(question.id);
    for (const [id, answer] of Object.entries(answers)) {
      if (slotOf(id) !== slot || answer.basis === undefined) continue;
      const kept = answeredQuestion(id, answer.basis);
      if (kept !== null) return { question: kept, basis: answer.basis };
    }
    return { question, basis: current };
  });
  return [...FIXED_QUESTIONS.map((question) => ({ question, basis: null })), ...generated];
}

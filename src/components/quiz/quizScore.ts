import { isCorrect, type QuizQuestion } from '../../content/quiz';
import type { QuizAnswer } from '../../store/progressSlice';

/**
 * Counts answers to the questions on the page (stale ids from older settings are ignored). Each
 * answer is judged again against the question as it is now: a generated question's answer can
 * change with the routes while its id stays the same.
 */
export function quizScore(
  questions: readonly QuizQuestion[],
  answers: Readonly<Record<string, QuizAnswer>>,
): { correct: number; answered: number; total: number } {
  let correct = 0;
  let answered = 0;
  for (const question of questions) {
    const answer = answers[question.id];
    if (answer === undefined) continue;
    answered++;
    if (isCorrect(question, answer.choice)) correct++;
  }
  return { correct, answered, total: questions.length };
}

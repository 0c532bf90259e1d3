import type { QuizQuestion } from '../../content/quiz';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What a wrong answer to a tick-all-that-apply question gets, without giving the answer away.
 * The first wrong try only counts: how many ticks are wrong, how many right choices are missing.
 * From the second try on it also names the wrong ticks (they can be unticked), but never the
 * missing ones: finding those is the learner's part. Null for a right answer or a single choice.
 */
export function choiceFeedback(
  question: QuizQuestion,
  choice: readonly string[],
  wrongTries: number,
): string | null {
  if (question.kind !== 'multiple') return null;
  const wrong = choice.filter((id) => !question.correct.includes(id));
  const missing = question.correct.filter((id) => !choice.includes(id));
  if (wrong.length === 0 && missing.length === 0) return null;
  const parts = [
    wrong.length === 0
      ? null
      : `${count(wrong.length, 'of your ticks is', 'of your ticks are')} wrong`,
    missing.length === 0
      ? null
      : `${count(missing.length, 'right choice is', 'right choices are')} missing`,
  ].filter((part) => part !== null);
  const summary = `${parts.join(' and ')}.`;
  if (wrongTries < 2 || wrong.length === 0) return summary;
  const names = wrong.map(
    (id) => `“${question.options.find((option) => option.id === id)?.text ?? id}”`,
  );
  return `${summary} Not right: ${names.join(', ')}.`;
}

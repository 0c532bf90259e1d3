import { useMemo } from 'react';
import type { QuizQuestion } from '../../content/quiz';
import { useAppStore } from '../../store';
import { quizItems, type QuizItem } from './quizItems';

/** The quiz as it stands, each generated question with the settings it was built from. */
export function useQuizItems(): readonly QuizItem[] {
  const settings = useAppStore((s) => s.settings);
  const routes = useAppStore((s) => s.routes);
  const answers = useAppStore((s) => s.quizAnswers);
  return useMemo(() => quizItems(settings, routes, answers), [settings, routes, answers]);
}

/** The questions on the page, for the score. */
export function useQuizQuestions(): readonly QuizQuestion[] {
  const items = useQuizItems();
  return useMemo(() => items.map((item) => item.question), [items]);
}

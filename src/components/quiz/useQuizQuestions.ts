import { useMemo } from 'react';
import { useAppStore } from '../../store';
import { quizItems, quizProgress, type QuizItem } from './quizItems';

/** The quiz as it stands, each generated question with the settings it was built from. */
export function useQuizItems(): readonly QuizItem[] {
  const settings = useAppStore((s) => s.settings);
  const routes = useAppStore((s) => s.routes);
  const answers = useAppStore((s) => s.quizAnswers);
  return useMemo(() => quizItems(settings, routes, answers), [settings, routes, answers]);
}

/** The quiz's score as it stands (quizProgress: what the progress box shows). */
export function useQuizProgress(): ReturnType<typeof quizProgress> {
  const settings = useAppStore((s) => s.settings);
  const routes = useAppStore((s) => s.routes);
  const answers = useAppStore((s) => s.quizAnswers);
  return useMemo(() => quizProgress(settings, routes, answers), [settings, routes, answers]);
}

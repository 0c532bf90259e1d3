import { useMemo } from 'react';
import { FIXED_QUESTIONS, type QuizQuestion } from '../../content/quiz';
import { generatePredictQuestions } from '../../content/quizGenerators';
import { useAppStore } from '../../store';

/** The quiz as it stands: the fixed questions, then those built from the playground's settings. */
export function useQuizQuestions(): readonly QuizQuestion[] {
  const settings = useAppStore((s) => s.settings);
  const routes = useAppStore((s) => s.routes);
  return useMemo(
    () => [...FIXED_QUESTIONS, ...generatePredictQuestions(settings, routes)],
    [settings, routes],
  );
}

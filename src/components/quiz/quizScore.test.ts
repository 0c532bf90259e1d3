import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../content/quiz';
import { quizScore } from './quizScore';

const question = (correct: string): QuizQuestion => ({
  id: 'predict-fourth',
  kind: 'single',
  prompt: 'What does the fourth request get?',
  options: [
    { id: '200', text: '200' },
    { id: '404', text: '404' },
  ],
  correct: [correct],
  explanation: '',
});

describe('quizScore', () => {
  it('judges a saved answer against the question as it is now, not the verdict saved with it', () => {
    // Answered "200" while that was right; then a route was removed and the answer became 404.
    const answers = { 'predict-fourth': { choice: ['200'], correct: true } };
    expect(quizScore([question('200')], answers)).toEqual({ correct: 1, answered: 1, total: 1 });
    expect(quizScore([question('404')], answers)).toEqual({ correct: 0, answered: 1, total: 1 });
  });

  it('ignores answers to questions no longer on the page', () => {
    const answers = { 'predict-fourth@old': { choice: ['200'], correct: true } };
    expect(quizScore([question('200')], answers)).toEqual({ correct: 0, answered: 0, total: 1 });
  });
});

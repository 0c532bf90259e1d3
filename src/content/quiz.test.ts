import { describe, expect, it } from 'vitest';
import { ALGORITHMS } from '../engine';
import { FIXED_QUESTIONS, isCorrect, type QuizQuestion } from './quiz';
import { MAX_QUOTA_TO_SPEND, generatePredictQuestions } from './quizGenerators';
import { INITIAL_ROUTES, INITIAL_SETTINGS } from './services';

const SETTINGS = INITIAL_SETTINGS;

function validate(question: QuizQuestion) {
  const optionIds = question.options.map((option) => option.id);
  expect(new Set(optionIds).size).toBe(optionIds.length);
  expect(question.correct.length).toBeGreaterThan(0);
  for (const id of question.correct) expect(optionIds).toContain(id);
  if (question.kind === 'single') expect(question.correct).toHaveLength(1);
  expect(isCorrect(question, question.correct)).toBe(true);
  const wrong = optionIds.filter((id) => !question.correct.includes(id));
  expect(wrong.length).toBeGreaterThan(0);
  expect(isCorrect(question, wrong)).toBe(false);
  expect(question.explanation.length).toBeGreaterThan(10);
}

describe('the quiz', () => {
  it('has at least 10 questions with unique ids', () => {
    const all = [...FIXED_QUESTIONS, ...generatePredictQuestions(SETTINGS, INITIAL_ROUTES)];
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
  });

  it.each(FIXED_QUESTIONS.map((q) => [q.id, q] as const))('%s has a valid answer', (_id, q) =>
    validate(q),
  );

  it('a multiple-choice answer must be the exact set', () => {
    const question = FIXED_QUESTIONS.find((q) => q.id === 'prefix-match');
    if (question === undefined) throw new Error('missing prefix-match');
    expect(isCorrect(question, ['exact', 'child'])).toBe(false);
    expect(isCorrect(question, ['exact', 'child', 'query', 'other'])).toBe(false);
  });
});

describe('generated "predict the status" questions', () => {
  it('give the lesson’s answers for the starting settings', () => {
    const [fourth, keyless, unknown] = generatePredictQuestions(SETTINGS, INITIAL_ROUTES);
    expect(fourth?.correct).toEqual(['200']);
    expect(keyless?.correct).toEqual(['401']);
    expect(unknown?.correct).toEqual(['429']);
  });

  it('follow the settings: with a limit of 3, request 4 is refused', () => {
    const [fourth] = generatePredictQuestions({ ...SETTINGS, maxRequests: 3 }, INITIAL_ROUTES);
    expect(fourth?.correct).toEqual(['429']);
    expect(fourth?.prompt).toContain('limit 3');
  });

  it.each(ALGORITHMS.map((a) => a.name))(
    'with a limit of 2, request 4 at one instant is a 429 for %s',
    (algorithm) => {
      // Written out, not recomputed: every algorithm refuses the 4th of 4 simultaneous requests.
      const [fourth] = generatePredictQuestions(
        { ...SETTINGS, algorithm, maxRequests: 2 },
        INITIAL_ROUTES,
      );
      expect(fourth?.correct).toEqual(['429']);
      if (fourth !== undefined) validate(fourth);
    },
  );
});

describe('generated questions for large limits', () => {
  it.each(ALGORITHMS.map((a) => a.name))(
    'a limit of 10,000 with %s still gives the lesson’s answers',
    (algorithm) => {
      const questions = generatePredictQuestions(
        { ...SETTINGS, algorithm, maxRequests: 10_000 },
        INITIAL_ROUTES,
      );
      expect(questions.map((q) => q.correct)).toEqual([['200'], ['401'], ['429']]);
      expect(questions[1]?.prompt).toContain('10000 requests');
      for (const question of questions) validate(question);
    },
  );

  it('a limit too large to spend leaves out the questions that would need it', () => {
    // 1e12 used to build a burst of 1e12 + 1 requests: RangeError: Invalid array length.
    for (const maxRequests of [MAX_QUOTA_TO_SPEND + 1, 1e12]) {
      const questions = generatePredictQuestions({ ...SETTINGS, maxRequests }, INITIAL_ROUTES);
      expect(questions.map((q) => q.id.split('@')[0])).toEqual(['predict-fourth']);
      expect(questions[0]?.correct).toEqual(['200']);
    }
  });
});

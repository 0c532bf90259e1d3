import { describe, expect, it, vi } from 'vitest';
import type * as ProfileQuiz from '../../content/profileQuiz';
import { FIXED_QUESTIONS } from '../../content/quiz';
import { INITIAL_ROUTES, INITIAL_SETTINGS } from '../../content/services';
import { quizItems } from './quizItems';
import { quizScore } from './quizScore';

const REPLAY_LIKE = { ...INITIAL_SETTINGS, maxRequests: 2, windowMs: 1000 };

describe('quizItems', () => {
  it('builds the quiz once for the same settings, routes and answers, and again when one changes', () => {
    const answers = {};
    const first = quizItems(INITIAL_SETTINGS, INITIAL_ROUTES, answers);
    expect(quizItems(INITIAL_SETTINGS, INITIAL_ROUTES, answers)).toBe(first);
    const rebuilt = quizItems(INITIAL_SETTINGS, INITIAL_ROUTES, {});
    expect(rebuilt).not.toBe(first);
    expect(rebuilt).toEqual(first);
    expect(quizItems(REPLAY_LIKE, INITIAL_ROUTES, {})).not.toEqual(first);
  });

  it('builds the generated questions from the current settings until they are answered', () => {
    const before = quizItems(INITIAL_SETTINGS, INITIAL_ROUTES, {});
    const after = quizItems(REPLAY_LIKE, INITIAL_ROUTES, {});
    expect(before.length).toBe(after.length);
    expect(before.map((i) => i.question.id)).not.toEqual(after.map((i) => i.question.id));
  });

  it('keeps an answered question with its settings, so the score does not drop', () => {
    const items = quizItems(INITIAL_SETTINGS, INITIAL_ROUTES, {});
    const generated = items.find((item) => item.basis !== null);
    if (generated === undefined || generated.basis === null) throw new Error('no generated item');
    const answers = {
      [generated.question.id]: {
        choice: generated.question.correct,
        correct: true,
        basis: generated.basis,
      },
    };
    const questionsNow = (settings: typeof INITIAL_SETTINGS) =>
      quizItems(settings, INITIAL_ROUTES, answers).map((item) => item.question);
    expect(quizScore(questionsNow(INITIAL_SETTINGS), answers).correct).toBe(1);
    // New settings (or a replay's): the answered question stays as it was answered.
    const changed = questionsNow(REPLAY_LIKE);
    expect(changed.map((q) => q.id)).toContain(generated.question.id);
    expect(quizScore(changed, answers).correct).toBe(1);
    // The routes change too: still judged on the routes it was answered with.
    const noRoutes = quizItems(REPLAY_LIKE, [], answers).map((item) => item.question);
    expect(quizScore(noRoutes, answers).correct).toBe(1);
  });

  it('falls back to the current settings when a saved basis cannot be used', () => {
    const items = quizItems(INITIAL_SETTINGS, INITIAL_ROUTES, {});
    const generated = items.find((item) => item.basis !== null);
    if (generated === undefined) throw new Error('no generated item');
    const broken = {
      settings: { ...INITIAL_SETTINGS, maxRequests: -1 },
      routes: INITIAL_ROUTES,
    };
    const answers = { [generated.question.id]: { choice: ['200'], correct: true, basis: broken } };
    const again = quizItems(INITIAL_SETTINGS, INITIAL_ROUTES, answers);
    expect(again.map((i) => i.question.id)).toEqual(items.map((i) => i.question.id));
  });
});

describe('quizProgress', () => {
  const fullScore = (answers: Parameters<typeof quizItems>[2]) =>
    quizScore(
      quizItems(INITIAL_SETTINGS, INITIAL_ROUTES, answers).map((item) => item.question),
      answers,
    );

  it('scores the quiz without building the profile questions until one is answered', async () => {
    vi.resetModules();
    const real = await vi.importActual<typeof ProfileQuiz>('../../content/profileQuiz');
    const generate = vi.fn(real.generateProfileQuestions);
    vi.doMock('../../content/profileQuiz', () => ({ ...real, generateProfileQuestions: generate }));
    try {
      const fresh = await import('./quizItems');
      const fixed = FIXED_QUESTIONS[0];
      if (fixed === undefined) throw new Error('no fixed question');
      const fixedAnswer = { [fixed.id]: { choice: fixed.correct, correct: true } };
      expect(fresh.quizProgress(INITIAL_SETTINGS, INITIAL_ROUTES, {})).toEqual(fullScore({}));
      expect(fresh.quizProgress(INITIAL_SETTINGS, INITIAL_ROUTES, fixedAnswer)).toEqual(
        fullScore(fixedAnswer),
      );
      expect(generate).not.toHaveBeenCalled();

      const profile = real.generateProfileQuestions()[0];
      if (profile === undefined) throw new Error('no profile question');
      const both = { ...fixedAnswer, [profile.id]: { choice: profile.correct, correct: true } };
      const score = fresh.quizProgress(INITIAL_SETTINGS, INITIAL_ROUTES, both);
      expect(generate).toHaveBeenCalledTimes(1);
      expect(score).toEqual(fullScore(both));
      expect(score.correct).toBe(2);
    } finally {
      vi.doUnmock('../../content/profileQuiz');
      vi.resetModules();
    }
  });
});

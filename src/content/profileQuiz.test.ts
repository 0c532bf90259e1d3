import { describe, expect, it } from 'vitest';
import { generateProfileQuestions, isProfileQuestionId, profileQuestionCount } from './profileQuiz';
import { FIXED_QUESTIONS, isCorrect } from './quiz';

describe('questions generated from the profiles', () => {
  const questions = generateProfileQuestions();
  const answer = (id: string) => questions.find((q) => q.id === id)?.correct;

  it('ask each situation under every real gateway, with the engine’s answers', () => {
    expect(questions).toHaveLength(8);
    expect(answer('profile-keyless-unknown-path-kong')).toEqual(['404']);
    expect(answer('profile-keyless-unknown-path-aws')).toEqual(['403']);
    expect(answer('profile-keyless-unknown-path-envoy')).toEqual(['401']);
    expect(answer('profile-keyless-unknown-path-nginx')).toEqual(['401']);
    expect(answer('profile-over-the-limit-nginx')).toEqual(['503']);
    expect(answer('profile-over-the-limit-envoy')).toEqual(['429']);
  });

  it('offer every status any gateway gives, the right one among them', () => {
    for (const question of questions) {
      expect(question.options.map((o) => o.id)).toContain(question.correct[0]);
      expect(isCorrect(question, question.correct)).toBe(true);
      expect(question.options.length).toBeGreaterThan(1);
    }
  });

  it('are counted, and known by their ids, without being built', () => {
    const questions = generateProfileQuestions();
    expect(profileQuestionCount()).toBe(questions.length);
    expect(questions.every((q) => isProfileQuestionId(q.id))).toBe(true);
    expect(FIXED_QUESTIONS.some((q) => isProfileQuestionId(q.id))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { FIXED_QUESTIONS } from '../../content/quiz';
import { choiceFeedback } from './choiceFeedback';

const question = FIXED_QUESTIONS.find((q) => q.id === 'prefix-match');
if (question === undefined) throw new Error('no prefix-match question');
// Right: exact, child, query. Wrong: longer-word, other.

describe('choiceFeedback', () => {
  it('first only counts what is wrong and what is missing', () => {
    expect(choiceFeedback(question, ['exact', 'longer-word', 'other'], 1)).toBe(
      '2 of your ticks are wrong and 2 right choices are missing.',
    );
    expect(choiceFeedback(question, ['exact', 'child'], 1)).toBe('1 right choice is missing.');
  });

  it('from the second wrong try names the wrong ticks, never the missing ones', () => {
    const feedback = choiceFeedback(question, ['exact', 'child', 'longer-word'], 2) ?? '';
    expect(feedback).toBe(
      '1 of your ticks is wrong and 1 right choice is missing. Not right: “/api/usersX”.',
    );
    expect(feedback).not.toContain('page=2');
  });

  it('says nothing for a right answer or a single-choice question', () => {
    expect(choiceFeedback(question, ['exact', 'child', 'query'], 3)).toBeNull();
    const single = FIXED_QUESTIONS.find((q) => q.kind === 'single');
    if (single === undefined) throw new Error('no single-choice question');
    expect(choiceFeedback(single, ['anything'], 2)).toBeNull();
  });
});

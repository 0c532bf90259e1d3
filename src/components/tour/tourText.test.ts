import { describe, expect, it } from 'vitest';
import { isTermId } from '../../content/glossary';
import { TOUR_STEPS } from '../../content/tour';
import { parseTourText } from './tourText';

describe('parseTourText', () => {
  it('splits terms out of the text', () => {
    expect(parseTourText('an [[api-key|API key]] here')).toEqual([
      { kind: 'text', text: 'an ' },
      { kind: 'term', termId: 'api-key', text: 'API key' },
      { kind: 'text', text: ' here' },
    ]);
    expect(parseTourText('plain')).toEqual([{ kind: 'text', text: 'plain' }]);
  });

  it('keeps an unknown term id as plain text rather than a broken link', () => {
    expect(parseTourText('a [[no-such-term|word]]')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'text', text: 'word' },
    ]);
  });

  it('links only to glossary entries that exist, in every tour step', () => {
    // Read from the raw text: parseTourText drops unknown ids, so its output cannot show them.
    const ids = TOUR_STEPS.flatMap((s) =>
      [...s.body.matchAll(/\[\[([^|\]]+)\|/g)].map((m) => m[1]),
    );
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) expect(isTermId(id ?? ''), id).toBe(true);
  });

  it('has six steps on the allowed request, then 401, 429 and 404', () => {
    const lesson = TOUR_STEPS.filter((s) => s.scenario === 'lesson');
    expect(lesson.map((s) => s.moment)).toEqual([
      'sent',
      'auth',
      'rate-limit',
      'router',
      'served',
      'responded',
    ]);
    expect(TOUR_STEPS.slice(lesson.length).map((s) => s.scenario)).toEqual([
      'no-key',
      'rate-limited',
      'unknown-path',
    ]);
  });
});

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

  it('links only to glossary entries that exist, in every tour step', () => {
    const terms = TOUR_STEPS.flatMap((s) => parseTourText(s.body)).filter((p) => p.kind === 'term');
    expect(terms.length).toBeGreaterThan(3);
    for (const term of terms) {
      if (term.kind === 'term') expect(isTermId(term.termId), term.termId).toBe(true);
    }
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

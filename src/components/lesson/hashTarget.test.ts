import { describe, expect, it } from 'vitest';
import { hashTarget } from './hashTarget';

describe('hashTarget', () => {
  it('decodes an escaped hash', () => {
    expect(hashTarget('#term-api%20key')).toBe('term-api key');
    expect(hashTarget('#challenge')).toBe('challenge');
    expect(hashTarget('')).toBe('');
  });

  it.each(['#%', '#%E0%A4%A', '#term-%E0%A4%A'])(
    'returns %s as written instead of throwing',
    (hash) => {
      expect(hashTarget(hash)).toBe(hash.slice(1));
    },
  );
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { upperCaseMethod } from './runner';

describe('upperCaseMethod', () => {
  it('is toUpperCase on any string, the same string when nothing changes', () => {
    const methodChars = fc.constantFrom(
      'G',
      'e',
      't',
      'P',
      'o',
      '-',
      'ß',
      'é',
      'ı',
      '😀',
      'Z',
      '{',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: methodChars })), (method) => {
        expect(upperCaseMethod(method)).toBe(method.toUpperCase());
      }),
      { seed: 3, numRuns: 1000 },
    );
    const get = 'GET';
    expect(upperCaseMethod(get)).toBe(get);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRequestId, idDigits, requestIdNumber } from './requestIds';

describe('request ids', () => {
  it('writes the id number as String(n).padStart(6, "0") would, for any whole number', () => {
    const reference = (n: number) => String(n).padStart(6, '0');
    for (const n of [0, 7, 999, 1000, 999_999, 1_000_000, 1_000_999, 123_456_789])
      expect(idDigits(n)).toBe(reference(n));
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.maxSafeNat()), (n) => {
        expect(idDigits(n)).toBe(reference(n));
      }),
      { seed: 11, numRuns: 1000 },
    );
  });

  it('reads back the number of any id it wrote, the last one or earlier ones', () => {
    const prefixes = fc.constantFrom('req', 'a', 'trace-x');
    const numbers = fc.oneof(fc.nat(), fc.integer({ min: 0, max: 1e15 - 1 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(prefixes, numbers), { minLength: 1 }), (calls) => {
        // All written first, so every id but the last is read without the writer's memory of it.
        const written = calls.map(([prefix, n]) => [prefix, formatRequestId(prefix, n)] as const);
        written.forEach(([prefix, id], i) => {
          expect(id).toBe(`${prefix}-${String(calls[i]?.[1]).padStart(6, '0')}`);
          expect(requestIdNumber(prefix, id)).toBe(calls[i]?.[1]);
        });
      }),
      { seed: 12, numRuns: 500 },
    );
    // The id just written, asked about with another prefix, is not one of that prefix's.
    expect(requestIdNumber('corr', formatRequestId('req', 42))).toBe(-1);
  });

  it('reads a number only from an id it would write exactly so', () => {
    // Ids near the format: a prefix, a separator, digits with leading zeros, the odd other char.
    const nearIds = fc
      .tuple(
        fc.constantFrom('req', 'rex', ''),
        fc.constantFrom('-', '_'),
        fc.oneof(
          fc.string({ unit: fc.constantFrom('0', '0', '1', '9'), minLength: 5, maxLength: 17 }),
          fc.string({ unit: fc.constantFrom('0', '1', '9', 'x', '٣'), maxLength: 18 }),
        ),
      )
      .map((parts) => parts.join(''));
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(fc.string(), nearIds), (id) => {
        const n = requestIdNumber('req', id);
        if (n !== -1) {
          read++;
          expect(formatRequestId('req', n)).toBe(id);
        }
      }),
      { seed: 13, numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(50);
    for (const id of [
      'req-000042',
      'req-1234567',
      'req-0000042',
      'req-00042',
      'req-00004x',
      'reqx000042',
      'trace-42',
    ])
      expect(
        requestIdNumber('req', id) === -1 ? id : formatRequestId('req', requestIdNumber('req', id)),
      ).toBe(id);
    expect(requestIdNumber('req', 'req-000042')).toBe(42);
    expect(requestIdNumber('req', 'req-0000042')).toBe(-1);
  });
});

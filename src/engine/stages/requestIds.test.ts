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

  it('reads back the number of any id it wrote', () => {
    fc.assert(
      fc.property(fc.constantFrom('req', 'a', 'trace-x'), fc.maxSafeNat(), (prefix, n) => {
        fc.pre(n < 1e15);
        expect(requestIdNumber(prefix, formatRequestId(prefix, n))).toBe(n);
      }),
      { seed: 12, numRuns: 1000 },
    );
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forwardedHeaders } from './forwarded';

/** The plain way: copy the arrival's headers, set the key, then apply each change or delete. */
function byCopyAndDelete(
  request: { headers?: Record<string, string>; apiKey?: string | null | undefined },
  keyHeader: string,
  changes: Record<string, string | null | undefined> | null,
): Record<string, string> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.apiKey !== undefined && request.apiKey !== null && request.apiKey !== '')
    headers[keyHeader] = request.apiKey;
  if (changes !== null) {
    for (const name in changes) {
      const value = changes[name];
      if (value === null || value === undefined) delete headers[name];
      else headers[name] = value;
    }
  }
  return headers;
}

describe('forwardedHeaders', () => {
  it('has the same headers in the same order as copying and deleting', () => {
    const name = fc.constantFrom('X-API-Key', 'X-Request-Id', 'X-Consumer-ID', 'Accept', '7');
    const headerMap = (value: fc.Arbitrary<string | null | undefined>) =>
      fc.array(fc.tuple(name, value), { maxLength: 5 }).map((pairs) => Object.fromEntries(pairs));
    fc.assert(
      fc.property(
        fc.option(headerMap(fc.string()), { nil: undefined }),
        fc.constantFrom(undefined, null, '', 'abc123'),
        fc.option(headerMap(fc.oneof(fc.string(), fc.constant(null), fc.constant(undefined)))),
        (given, apiKey, changes) => {
          const request = {
            path: '/',
            ...(given === undefined ? {} : { headers: given as Record<string, string> }),
            apiKey,
          };
          expect(Object.entries(forwardedHeaders(request, 'X-API-Key', changes))).toEqual(
            Object.entries(byCopyAndDelete(request, 'X-API-Key', changes)),
          );
        },
      ),
      { seed: 21, numRuns: 2000 },
    );
  });
});

/**
 * The element id a location hash points at (`#term-api%20key` → `term-api key`). A malformed
 * escape (`#%`, `#%E0%A4%A`) is not an error a learner can fix from the page: it names no element,
 * so it is returned as written and simply lands nowhere.
 */
export function hashTarget(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

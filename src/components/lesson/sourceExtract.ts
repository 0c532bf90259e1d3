/**
 * Cuts one top-level `export function NAME` out of a source text: from its doc comment (if any)
 * to the closing brace at the start of a line. Returns null when the function is not there, so a
 * rename in the engine breaks a test instead of the page.
 */
export function extractFunction(source: string, name: string): string | null {
  const header = new RegExp(`^export function ${name}\\b`, 'm');
  const match = header.exec(source);
  if (match === null) return null;
  let start = match.index;
  const before = source.slice(0, start);
  const docStart = before.lastIndexOf('/**');
  if (docStart !== -1 && /^\/\*\*[\s\S]*?\*\/\s*$/.test(before.slice(docStart))) start = docStart;
  const end = source.indexOf('\n}', match.index);
  if (end === -1) return null;
  return source.slice(start, end + 2);
}

/** The gateway's pipeline as the page shows it, in the order a request meets it; `file` is under src/engine. */
export const PIPELINE_PARTS = [
  { name: 'authStage', label: '1 Authenticate', file: 'stages/auth.ts' },
  { name: 'rateLimitStage', label: '2 Rate limit', file: 'stages/rateLimit.ts' },
  { name: 'routerStage', label: '3 Route', file: 'stages/router.ts' },
  { name: 'runPipeline', label: 'The pipeline: each stage in turn', file: 'pipeline/runner.ts' },
] as const;

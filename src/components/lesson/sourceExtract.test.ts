import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from './highlight';
import { extractFunction, PIPELINE_PARTS } from './sourceExtract';

const sourceOf = (file: string) =>
  readFileSync(new URL(`../../engine/${file}`, import.meta.url), 'utf8');
const gatewaySource = sourceOf('stages/auth.ts');

describe('the code example', () => {
  it.each(PIPELINE_PARTS.map((part) => [part.name, part.file] as const))(
    'finds %s in the engine source (%s), whole',
    (name, file) => {
      const code = extractFunction(sourceOf(file), name);
      expect(code).not.toBeNull();
      expect(code).toContain(`export function ${name}(`);
      expect(code?.trimEnd().endsWith('}')).toBe(true);
      // Braces balance: the cut ends where the function ends.
      const opens = (code?.match(/{/g) ?? []).length;
      const closes = (code?.match(/}/g) ?? []).length;
      expect(opens).toBe(closes);
    },
  );

  it('keeps the doc comment with the function', () => {
    expect(extractFunction(gatewaySource, 'authStage')?.startsWith('/**')).toBe(true);
  });

  it('returns null for a function that is not there', () => {
    expect(extractFunction(gatewaySource, 'noSuchStage')).toBeNull();
  });

  it('tokenizes without losing a character and marks keywords, strings and comments', () => {
    const tokens = tokenize(gatewaySource);
    expect(tokens.map((token) => token.text).join('')).toBe(gatewaySource);
    const small = tokenize("const a = 'x'; // note");
    expect(small.find((t) => t.text === 'const')?.kind).toBe('keyword');
    expect(small.find((t) => t.text === "'x'")?.kind).toBe('string');
    expect(small.find((t) => t.text === '// note')?.kind).toBe('comment');
  });
});

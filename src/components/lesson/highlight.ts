/** A token of TypeScript for colouring: its text and a kind (null: plain). */
export interface Token {
  readonly text: string;
  readonly kind: 'comment' | 'string' | 'keyword' | 'number' | 'type' | null;
}

const KEYWORDS = new Set([
  'const',
  'let',
  'function',
  'return',
  'if',
  'else',
  'for',
  'of',
  'new',
  'export',
  'import',
  'type',
  'interface',
  'readonly',
  'throw',
  'true',
  'false',
  'null',
  'undefined',
  'this',
  'class',
  'private',
  'async',
  'await',
  'typeof',
  'instanceof',
]);

// One alternative per kind; order matters (comments before division, strings before words).
const TOKEN =
  /(\/\*[\s\S]*?\*\/|\/\/[^\n]*)|(`(?:\\.|[^`\\])*`|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*")|\b(\d[\d_]*(?:\.\d+)?)\b|\b([A-Za-z_$][\w$]*)\b/g;

/** Splits source text into tokens; joining their texts gives the source back unchanged. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    const index = match.index;
    if (index > last) tokens.push({ text: source.slice(last, index), kind: null });
    const [text, comment, string, number, word] = match;
    let kind: Token['kind'] = null;
    if (comment !== undefined) kind = 'comment';
    else if (string !== undefined) kind = 'string';
    else if (number !== undefined) kind = 'number';
    else if (word !== undefined && KEYWORDS.has(word)) kind = 'keyword';
    else if (word !== undefined && /^[A-Z]/.test(word)) kind = 'type';
    tokens.push({ text, kind });
    last = index + text.length;
  }
  if (last < source.length) tokens.push({ text: source.slice(last), kind: null });
  return tokens;
}

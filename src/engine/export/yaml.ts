/** A value the YAML writer can print: the JSON data model. `undefined` members are left out. */
export type YamlValue =
  | string
  | number
  | boolean
  | null
  | readonly YamlValue[]
  | { readonly [key: string]: YamlValue | undefined };

/** Words YAML 1.1 or 1.2 read as booleans or null when unquoted. */
const RESERVED = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', '~', '<<']);

/**
 * Can `text` be written unquoted and read back as the same string by YAML 1.1 and 1.2 parsers?
 * Deliberately narrow: letters, digits and `_ . / - :`; not starting with a digit, sign, `.` or
 * `-` (numbers, `.inf`, sequences), not ending in `:` (a key), not a reserved word.
 */
export function isPlainSafe(text: string): boolean {
  if (!/^[A-Za-z_/][A-Za-z0-9_./:-]*$/.test(text)) return false;
  if (text.endsWith(':')) return false;
  return !RESERVED.has(text.toLowerCase());
}

/** A double-quoted YAML scalar: JSON's escapes, plus \uXXXX for everything outside printable ASCII. */
function quote(text: string): string {
  return JSON.stringify(text).replace(
    /[^\x20-\x7e]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function scalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`YAML cannot hold ${value} here`);
    return String(value);
  }
  return isPlainSafe(value) ? value : quote(value);
}

type Entry = readonly [string, YamlValue];
type YamlMap = { readonly [key: string]: YamlValue | undefined };

function entries(value: YamlMap): Entry[] {
  return Object.entries(value).filter((e): e is [string, YamlValue] => e[1] !== undefined);
}

function isCollection(value: YamlValue): value is readonly YamlValue[] | YamlMap {
  return value !== null && typeof value === 'object';
}

function isEmpty(value: YamlValue): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isCollection(value) && entries(value as YamlMap).length === 0;
}

function inline(value: YamlValue): string | null {
  if (!isCollection(value)) return scalar(value);
  if (isEmpty(value)) return Array.isArray(value) ? '[]' : '{}';
  return null;
}

/** Lines for a collection at `indent` spaces (sequences inside maps are not indented further). */
function block(value: readonly YamlValue[] | YamlMap, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value as readonly YamlValue[]) {
      const simple = inline(item);
      if (simple !== null) {
        lines.push(`${pad}- ${simple}`);
        continue;
      }
      // The item's first line shares the dash; the rest line up under it.
      const inner = block(item as YamlMap, indent + 2);
      lines.push(`${pad}- ${(inner[0] ?? '').trimStart()}`, ...inner.slice(1));
    }
    return lines;
  }
  for (const [key, item] of entries(value as YamlMap)) {
    const simple = inline(item);
    if (simple !== null) lines.push(`${pad}${scalar(key)}: ${simple}`);
    else {
      lines.push(`${pad}${scalar(key)}:`);
      const nested = item as readonly YamlValue[] | YamlMap;
      lines.push(...block(nested, Array.isArray(nested) ? indent : indent + 2));
    }
  }
  return lines;
}

/** Block-style YAML for `value` (a map or a sequence at the top), ending with a newline. */
export function toYaml(value: YamlValue): string {
  const simple = inline(value);
  if (simple !== null) return `${simple}\n`;
  return `${block(value as YamlMap, 0).join('\n')}\n`;
}

/** `# text` lines for the top of a YAML file. */
export function yamlComment(lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n') + '\n';
}

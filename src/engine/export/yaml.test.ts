import { describe, expect, it } from 'vitest';
import { isPlainSafe, toYaml, yamlComment } from './yaml';

describe('YAML scalars', () => {
  it.each([
    'abc',
    '/api/users',
    'http://user-service:3001',
    'envoy.filters.http.router',
    'type.googleapis.com/envoy.config.Foo',
    'user-service_1',
  ])('writes %s unquoted', (text) => {
    expect(isPlainSafe(text)).toBe(true);
    expect(toYaml({ a: text })).toBe(`a: ${text}\n`);
  });

  it.each([
    ['3.0', '"3.0"'],
    ['3001', '"3001"'],
    ['1e3', '"1e3"'],
    ['0x1F', '"0x1F"'],
    ['.inf', '".inf"'],
    ['true', '"true"'],
    ['Yes', '"Yes"'],
    ['off', '"off"'],
    ['N', '"N"'],
    ['null', '"null"'],
    ['~', '"~"'],
    ['', '""'],
    [' a', '" a"'],
    ['a b', '"a b"'],
    ['a: b', '"a: b"'],
    ['key:', '"key:"'],
    ['#x', '"#x"'],
    ['a #b', '"a #b"'],
    ['@type', '"@type"'],
    ['-x', '"-x"'],
    ['*anchor', '"*anchor"'],
    ['&a', '"&a"'],
    ['!tag', '"!tag"'],
    ['[x]', '"[x]"'],
    ['{x}', '"{x}"'],
    ['a,b', '"a,b"'],
    ["it's", '"it\'s"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['two\nlines', '"two\\nlines"'],
    ['tab\there', '"tab\\there"'],
    ['café', '"caf\\u00e9"'],
    ['line\u2028sep', '"line\\u2028sep"'],
  ])('quotes %j as %s', (text, written) => {
    expect(isPlainSafe(text)).toBe(false);
    expect(toYaml({ a: text })).toBe(`a: ${written}\n`);
  });

  it('quotes keys by the same rules', () => {
    expect(toYaml({ '@type': 'x', on: 1, plain_key: true })).toBe(
      '"@type": x\n"on": 1\nplain_key: true\n',
    );
  });

  it('writes numbers, booleans and null as YAML reads them', () => {
    expect(toYaml({ int: 5, f: 0.5, b: false, z: null })).toBe(
      'int: 5\nf: 0.5\nb: false\nz: null\n',
    );
    expect(() => toYaml({ n: Number.NaN })).toThrow(/NaN/);
  });
});

describe('YAML collections', () => {
  it('nests maps and sequences in block style, leaving undefined members out', () => {
    const text = toYaml({
      _format_version: '3.0',
      services: [
        { name: 'users', routes: [{ paths: ['/a', '/b'], strip_path: false }], gone: undefined },
        { name: 'orders', tags: [] },
      ],
      empty: {},
      matrix: [
        [1, 2],
        ['x', { k: 'v' }],
      ],
    });
    expect(text).toBe(
      [
        '_format_version: "3.0"',
        'services:',
        '- name: users',
        '  routes:',
        '  - paths:',
        '    - /a',
        '    - /b',
        '    strip_path: false',
        '- name: orders',
        '  tags: []',
        'empty: {}',
        'matrix:',
        '- - 1',
        '  - 2',
        '- - x',
        '  - k: v',
        '',
      ].join('\n'),
    );
  });

  it('writes comments as # lines', () => {
    expect(yamlComment(['one', '', 'two'])).toBe('# one\n#\n# two\n');
  });
});

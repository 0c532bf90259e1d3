import { describe, expect, it } from 'vitest';
import { parseCount, parseRate, parseRequestPath, parseWhole } from './trafficForm';

describe('parseCount', () => {
  it.each(['1', '6', ' 10000 '])('accepts %s', (text) => {
    expect(parseCount(text)).toEqual({ ok: true, value: Number(text) });
  });
  it.each(['-3', '0', '10001', '2.5', 'abc', ''])('refuses %s with a message', (text) => {
    const parsed = parseCount(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(5);
  });
});

describe('parseRequestPath', () => {
  it('accepts paths with a query string', () => {
    expect(parseRequestPath('/api/users?page=2')).toEqual({ ok: true, value: '/api/users?page=2' });
  });
  it.each(['api/users', '/api users', '', '//x'])('refuses %j', (text) => {
    expect(parseRequestPath(text).ok).toBe(false);
  });
  it('explains the missing slash', () => {
    const parsed = parseRequestPath('api/users');
    expect(parsed.ok ? '' : parsed.message).toContain('must start with "/"');
  });
});

describe('parseRate and parseWhole', () => {
  it('checks the rate', () => {
    expect(parseRate('2')).toEqual({ ok: true, value: 2 });
    expect(parseRate('0').ok).toBe(false);
    expect(parseRate('x').ok).toBe(false);
  });
  it('checks whole numbers', () => {
    expect(parseWhole('5', 'Max requests', 1)).toEqual({ ok: true, value: 5 });
    expect(parseWhole('0', 'Max requests', 1).ok).toBe(false);
    expect(parseWhole('1.5', 'Max requests', 1).ok).toBe(false);
    const day = { value: 86_400_000, unit: ' ms (one day)' };
    expect(parseWhole('86400000', 'Window', 1, day)).toEqual({ ok: true, value: 86_400_000 });
    expect(parseWhole('1e16', 'Window', 1, day)).toEqual({
      ok: false,
      message: 'Window must be at most 86,400,000 ms (one day). Nothing was changed.',
    });
    expect(parseWhole('1e308', 'Window', 1, day).ok).toBe(false);
  });
});

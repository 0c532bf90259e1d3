import { describe, expect, it } from 'vitest';
import { normaliseNginxPath } from './nginxPath';

const pathOf = (target: string): string | number => {
  const uri = normaliseNginxPath(target);
  return uri.ok ? uri.path : uri.status;
};

describe('normaliseNginxPath (nginx merge_slashes on)', () => {
  it.each([
    ['/api/users', '/api/users'],
    ['/api/users/', '/api/users/'],
    ['/api//users///7', '/api/users/7'],
    ['//api/users', '/api/users'],
    ['/api/./users', '/api/users'],
    ['/api/users/.', '/api/users/'],
    ['/api/users/..', '/api/'],
    ['/api/users/../admin', '/api/admin'],
    ['/api/users/7/../../orders', '/api/orders'],
    ['/api/users/...', '/api/users/...'],
    ['/api/users/.hidden', '/api/users/.hidden'],
    ['/api/users/a.b', '/api/users/a.b'],
    ['/api%2Fusers/1', '/api/users/1'],
    ['/api%2fusers%2F..%2Fadmin', '/api/admin'],
    ['/api/%2E%2E/admin', '/admin'],
    ['/api/%75sers', '/api/users'],
    ['/api/users%3F', '/api/users?'],
    ['/api/users%25', '/api/users%'],
    ['/api/users%23x', '/api/users#x'],
    ['/api/users+1', '/api/users+1'],
    ['/API/Users', '/API/Users'],
    ['/..', 400],
    ['/api/../..', 400],
    ['/api/%2e%2e/%2e%2e/x', 400],
    ['/api/%zz', 400],
    ['/api/%4', 400],
    ['/api/%00', 400],
  ])('%s → %s', (target, expected) => {
    expect(pathOf(target)).toBe(expected);
  });

  it('splits off the query string, left as sent, and ignores a fragment', () => {
    expect(normaliseNginxPath('/api/users?x=1&y=%2F')).toEqual({
      ok: true,
      path: '/api/users',
      args: 'x=1&y=%2F',
    });
    expect(normaliseNginxPath('/api/users/./?q')).toEqual({
      ok: true,
      path: '/api/users/',
      args: 'q',
    });
    expect(normaliseNginxPath('/api/users/.?q')).toEqual({
      ok: true,
      path: '/api/users/',
      args: 'q',
    });
    expect(normaliseNginxPath('/a/b/..?q')).toEqual({ ok: true, path: '/a/', args: 'q' });
    expect(normaliseNginxPath('/a/.#frag')).toEqual({ ok: true, path: '/a/', args: null });
    expect(normaliseNginxPath('/a?x#frag')).toEqual({ ok: true, path: '/a', args: 'x' });
  });

  it('keeps `//` with merge_slashes off', () => {
    expect(normaliseNginxPath('/api//users', { mergeSlashes: false })).toMatchObject({
      path: '/api//users',
    });
  });

  it('says why a path is refused', () => {
    expect(normaliseNginxPath('/../etc/passwd')).toEqual({
      ok: false,
      status: 400,
      reason: '".." climbs above the root',
    });
    expect(normaliseNginxPath('api')).toMatchObject({ ok: false, status: 400 });
  });
});

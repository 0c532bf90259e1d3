import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../pipeline/runner';
import { normalisePath, normaliseStage } from './normalise';
import { needsWork, normaliseWork, resolveSegments } from './normalisePath';
import { KEY, gatewayWith } from './testGateway.fixture';

/** What `needsWork` decides, as a regular expression: the oracle its one scan is held to. */
const NEEDS_WORK = /%|\/\/|\/\.\.?(?:[/?#]|$)/;

describe('normalisePath (nginx rules)', () => {
  it.each([
    ['/api/users', '/api/users'],
    ['/api//users///7', '/api/users/7'],
    ['/api/./users/.', '/api/users/'],
    ['/api/users/../admin', '/api/admin'],
    ['/../../etc/passwd', '/etc/passwd'],
    ['/api/%75sers', '/api/users'],
    ['/api/users/%2e%2e/admin', '/api/admin'],
    ['/api/users%2F..%2Fadmin', '/api/admin'],
    ['/api/users/?q=../x', '/api/users/?q=../x'],
    ['/100%', '/100%25'],
    ['/a%2541', '/a%2541'],
    ['/a%3Fb', '/a%3Fb'],
    ['/', '/'],
    ['//', '/'],
    ['/api/users/..', '/api/'],
  ])('%s → %s', (given, normal) => {
    expect(normalisePath(given)).toBe(normal);
  });

  it('scans for work exactly where the regular expression finds some', () => {
    const piece = fc.constantFrom('/', '.', '..', '%', '?', '#', 'a', '/.', '/..', '//', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const path = pieces.join('');
        expect(needsWork(path)).toBe(NEEDS_WORK.test(path));
      }),
      { seed: 3, numRuns: 2000 },
    );
  });

  it('gives a remembered path exactly as worked out afresh', () => {
    const piece = fc.constantFrom('/', '.', '..', '%2e', '%41', '%', 'a', '?q=/../', '#f', '//');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 8 }), { maxLength: 20 }), (paths) => {
        for (const pieces of [...paths, ...paths]) {
          const path = `/${pieces.join('')}`;
          expect(normalisePath(path)).toBe(needsWork(path) ? normaliseWork(path) : path);
        }
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it('is idempotent', () => {
    const segment = fc.constantFrom(
      'api',
      'users',
      '.',
      '..',
      '',
      '%2e',
      '%2F',
      '%25',
      '%41',
      'x%',
      '?a=.',
      '#f',
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const once = normalisePath(`/${segments.join('/')}`);
        expect(normalisePath(once)).toBe(once);
        expect(once.startsWith('/')).toBe(true);
      }),
      { seed: 9, numRuns: 500 },
    );
  });
});

describe('resolveSegments', () => {
  /** The plain way: split on `/`, keep or pop each segment, join, and look at the end. */
  const bySplitAndJoin = (path: string) => {
    const out: string[] = [];
    for (const segment of path.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') out.pop();
      else out.push(segment);
    }
    const trailing = /\/\.{0,2}$/.test(path) && out.length > 0 ? '/' : '';
    return `/${out.join('/')}${trailing}`;
  };

  it('is splitting on / and joining what is kept, on any string', () => {
    const pathChar = fc.constantFrom('/', '/', '.', '.', 'a', 'b', '%', '?', 'é');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: pathChar, maxLength: 24 })), (path) => {
        expect(resolveSegments(path)).toBe(bySplitAndJoin(path));
      }),
      { seed: 10, numRuns: 3000 },
    );
  });
});

describe('the normalise stage', () => {
  const traversal = { path: '/api/users/../admin', apiKey: KEY };

  it('off: /api/users/../admin matches the /api/users prefix and reaches the user service', () => {
    const decision = gatewayWith({}).handle(traversal, 0);
    expect(decision.status).toBe(200);
    expect(decision.service).toBe('user-service');
  });

  it('on: the router sees /api/admin, which no route matches', () => {
    const decision = gatewayWith({ normalise: true }).handle(traversal, 0);
    expect(decision.status).toBe(404);
    expect(decision.stages.map((s) => s.stage)).toEqual([
      'normalise',
      'auth',
      'rate-limit',
      'router',
    ]);
    expect(decision.stages[0]?.note).toBe('/api/users/../admin → /api/admin');
  });

  it('on: the service gets the normalised path', () => {
    const decision = gatewayWith({ normalise: true }).handle(
      { path: '/api//users/./7', apiKey: KEY },
      0,
    );
    expect(decision.body).toBe('Routed to http://user-service:3001/api/users/7');
    expect(decision.forwarded?.path).toBe('/api/users/7');
    expect(decision.request.path).toBe('/api//users/./7');
  });

  it('says the same of a changed path every time, among more distinct paths than it remembers', () => {
    const stage = normaliseStage();
    const noteFor = (path: string) => stage.run(createContext({ path }, 0, false)).note;
    const first = noteFor('/a//b?q=1');
    for (let i = 0; i < 3000; i++) expect(noteFor(`/x${i}//y`)).toBe(`/x${i}//y → /x${i}/y`);
    expect(noteFor('/a//b?q=1')).toBe(first);
    expect(first).toBe('/a//b → /a/b');
  });
});

import { describe, expect, it } from 'vitest';
import { MODEL_SOLUTION } from '../content/challenge/modelSolution';
import { WRONG_ROUTERS } from './definitions/newChallenges.fixture';
import {
  CHALLENGES,
  checkOwnCases,
  gradeChallenge,
  gradeSource,
  referenceDecisions,
} from './index';
import { WRONG_SOLUTIONS } from './wrongSolutions.fixture';

const FIXED_WINDOW = WRONG_SOLUTIONS['fixed window'] as string;

describe('Run samples', { timeout: 30_000 }, () => {
  it.each(CHALLENGES.map((c) => [c.id, c] as const))(
    '%s: runs the visible samples only and says the full run is what counts',
    async (id, definition) => {
      const samples = definition.gradedCases().filter((c) => c.visible);
      const report = await gradeChallenge(id, definition.content.modelSolution, {
        scope: 'samples',
      });
      expect(report.scope).toBe('samples');
      expect(report.results.map((r) => r.name)).toEqual(samples.map((c) => c.name));
      expect(report.passed).toBe(true);
      expect(report.summary).toBe(
        `${samples.length} of ${samples.length} samples pass — run all tests to submit.`,
      );
    },
  );

  it('counts the failing samples', async () => {
    const report = await gradeChallenge(
      'sliding-window',
      WRONG_SOLUTIONS['never refuses'] as string,
      {
        scope: 'samples',
      },
    );
    expect(report.passed).toBe(false);
    expect(report.summary).toBe('0 of 2 samples pass — run all tests to submit.');
  });
});

describe('failure tables', { timeout: 30_000 }, () => {
  it('carry the reference’s answers and the differing call, as the page shows them', async () => {
    const report = await gradeSource(FIXED_WINDOW);
    const boundary = report.results.find((r) => r.name === 'exact boundary');
    const table = boundary?.table;
    const mismatch = boundary?.mismatch;
    expect(table?.columns).toEqual(['Expected', 'Yours']);
    expect(mismatch).toBeDefined();
    if (!table || !mismatch) return;
    const expected = referenceDecisions(mismatch.limiterCase);
    expect(table.rows.map((row) => row.answers[0])).toEqual(
      expected.slice(0, mismatch.index + 1).map(String),
    );
    const failing = table.rows.at(-1);
    expect(failing).toMatchObject({ failing: true, differs: [false, true] });
    expect(failing?.answers).toEqual([String(mismatch.expected), String(mismatch.actual)]);
    const call = mismatch.limiterCase.calls[mismatch.index];
    expect(mismatch.differingCall).toBe(
      `call ${mismatch.index + 1}: ${call?.clientId} at t = ${call?.timestampMs.toLocaleString('en')} ms — expected ${mismatch.expected}, yours ${mismatch.actual}`,
    );
  });

  it('are there for challenges the playground cannot replay', async () => {
    const report = await gradeChallenge(
      'prefix-router',
      WRONG_ROUTERS['exact keys only'] as string,
    );
    const failed = report.results.find((r) => !r.passed);
    expect(failed?.mismatch).toBeNull();
    expect(failed?.table?.rows.at(-1)).toMatchObject({
      failing: true,
      call: expect.stringMatching(/^findRoute\(/),
    });
  });
});

describe('the learner’s own cases', { timeout: 30_000 }, () => {
  const limiterCase = (calls: string, expected = '', maxRequests = '2') => ({
    values: { maxRequests, windowMs: '1000', calls },
    expected,
  });

  it('show the learner’s answers, their expectations and the reference’s, call by call', async () => {
    const report = await checkOwnCases('sliding-window', FIXED_WINDOW, [
      // At 1000 ms the fixed window starts afresh; the sliding window still counts 100 and 900.
      limiterCase('alice@100, alice@900, alice@1000', 'true, true, true'),
      limiterCase('bob@0', '', '0'),
      limiterCase('carol@5'),
    ]);
    expect(report.problem).toBeNull();
    const [first, invalid, plain] = report.results;
    expect(first?.rows).toEqual([
      {
        call: 'allowRequest("alice", 100)',
        yours: 'true',
        yourExpectation: 'true',
        reference: 'true',
        yoursDiffers: false,
        expectationDiffers: false,
      },
      expect.objectContaining({ yours: 'true', reference: 'true' }),
      {
        call: 'allowRequest("alice", 1000)',
        yours: 'true',
        yourExpectation: 'true',
        reference: 'false',
        yoursDiffers: true,
        expectationDiffers: true,
      },
    ]);
    expect(first?.agrees).toBe(false);
    expect(first?.summary).toMatch(
      /^Yours differs from the reference on 1 of 3 calls: call 3\. Your expected answers differ from the reference on call 3/,
    );
    expect(invalid).toMatchObject({
      number: 2,
      rows: [],
      summary: expect.stringMatching(/^Not run: .*out of range/),
    });
    expect(plain).toMatchObject({
      number: 3,
      agrees: true,
      summary: 'Yours agrees with the reference on the call.',
    });
  });

  it('say where the learner’s code stopped', async () => {
    const throwing = MODEL_SOLUTION.replace(
      'allowRequest(clientId: string, timestamp: number): boolean {',
      'allowRequest(clientId: string, timestamp: number): boolean {\n    if (timestamp > 100) throw new Error("too late");',
    );
    const report = await checkOwnCases('sliding-window', throwing, [
      limiterCase('a@0, a@200, a@300'),
    ]);
    expect(report.results[0]?.rows.map((r) => r.yours)).toEqual(['true', 'threw', 'not reached']);
    expect(report.results[0]?.summary).toMatch(/Your code stopped: Error: too late \(line \d+\)/);
  });

  it('work for a challenge that answers with strings: the router', async () => {
    const report = await checkOwnCases(
      'prefix-router',
      WRONG_ROUTERS['no segment boundary'] as string,
      [
        {
          values: { routes: '/api/users = http://u:1', paths: '/api/users/7\n/api/usersX' },
          expected: 'http://u:1\nnull',
        },
      ],
    );
    expect(report.results[0]?.rows).toEqual([
      expect.objectContaining({ yours: '"http://u:1"', reference: '"http://u:1"' }),
      {
        call: 'findRoute("/api/usersX", routes)',
        yours: '"http://u:1"',
        yourExpectation: 'null',
        reference: 'null',
        yoursDiffers: true,
        expectationDiffers: false,
      },
    ]);
  });

  it('report code that cannot load, and an unknown challenge, without throwing', async () => {
    expect((await checkOwnCases('sliding-window', 'class X {}', [])).problem?.kind).toBe('missing');
    expect((await checkOwnCases('nope', '', [])).problem?.message).toMatch(/No challenge "nope"/);
  });
});

// Real nginx against our model: every status, for every configuration in scenarios.ts, must agree
// when the model is fed nginx's own arrival times. Run with `npm run test:nginx`.
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { withNginx } from './harness';
import { type Agreement, compareWithModel } from './model';
import { LIMIT_SCENARIOS, ROUTES_SCENARIO, type Scenario } from './scenarios';

const rows: { config: string; agreement: Agreement }[] = [];

async function runScenario(scenario: Scenario): Promise<Agreement> {
  const conf = await readFile(new URL(`./conf/${scenario.name}.conf`, import.meta.url), 'utf8');
  const results = await withNginx(conf, scenario.upstreams, (nginx) =>
    nginx.sendTrace(scenario.trace),
  );
  const agreement = compareWithModel(scenario.model, results);
  rows.push({ config: scenario.name, agreement });
  return agreement;
}

function expectAgreement(agreement: Agreement): void {
  expect(agreement.disagreements).toEqual([]);
  expect(agreement.agreed + agreement.excludedNearEdge).toBe(agreement.requests);
  // Exclusion is for the odd request on an edge; a model that dodged by excluding fails here. With
  // 100 ms slots, 4 ms of every 100 lie within 2 ms of an edge, for refusing and for delaying each.
  expect(agreement.excludedNearEdge).toBeLessThanOrEqual(Math.ceil(agreement.requests * 0.2));
}

describe.concurrent('real nginx agrees with the model', () => {
  it.each(LIMIT_SCENARIOS.map((s) => [s.name, s] as const))(
    'limit_req: %s',
    async (_, scenario) => {
      expect(scenario.trace.length).toBeGreaterThanOrEqual(50);
      expect(scenario.trace.length).toBeLessThanOrEqual(200);
      expectAgreement(await runScenario(scenario));
    },
    90_000,
  );

  it('location matching after normalisation: every path agrees', async () => {
    expect(ROUTES_SCENARIO.trace.length).toBeGreaterThanOrEqual(30);
    const agreement = await runScenario(ROUTES_SCENARIO);
    expect(agreement.excludedNearEdge).toBe(0);
    expectAgreement(agreement);
  }, 30_000);
});

afterAll(() => {
  const header = ['config', 'requests', 'agreed', 'excluded near an edge'];
  const lines = rows
    .sort((a, b) => a.config.localeCompare(b.config))
    .map(({ config, agreement: a }) =>
      [config, a.requests, a.agreed, a.excludedNearEdge].map(String),
    );
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const table = [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)];
  console.log(`\nAgreement with real nginx:\n${table.join('\n')}\n`);
});

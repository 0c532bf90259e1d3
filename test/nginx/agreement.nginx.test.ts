// Real nginx against our model: every status, for every configuration in scenarios.ts, must agree
// when the model is fed nginx's own arrival times. Run with `npm run test:nginx`.
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { withNginx } from './harness';
import { type Agreement, compareWithModel } from './model';
import { LIMIT_SCENARIOS, ROUTES_SCENARIO, type Scenario } from './scenarios';
import { type AgreementRow, agreementTable, expectAgreement } from './agreementReport';

const rows: AgreementRow[] = [];

async function runScenario(scenario: Scenario): Promise<Agreement> {
  const conf = await readFile(new URL(`./conf/${scenario.name}.conf`, import.meta.url), 'utf8');
  const results = await withNginx(conf, scenario.upstreams, (nginx) =>
    nginx.sendTrace(scenario.trace),
  );
  const agreement = compareWithModel(scenario.model, results);
  rows.push({ config: scenario.name, agreement });
  return agreement;
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
  console.log(`\nAgreement with real nginx:\n${agreementTable(rows)}\n`);
});

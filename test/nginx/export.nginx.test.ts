// Exported nginx.conf files on real nginx: `nginx -t` accepts each whole file, and every status
// agrees with the engine's nginx model fed nginx's own arrival times. Run with `npm run test:nginx`.
import { afterAll, describe, expect, it } from 'vitest';
import { emitNginx, planNginx, type NginxPlan } from '../../src/engine/export/nginx';
import { normaliseNginxPath } from '../../src/engine/nginxPath';
import { matchRoute, serviceName } from '../../src/engine/routing';
import { type TraceResult, withNginxFile } from './harness';
import { type Agreement, compareWithModel } from './model';
import {
  EXPORT_ROUTES_SCENARIO,
  EXPORT_SCENARIOS,
  type ExportScenario,
  exportedFile,
  modelOf,
  standIns,
} from './exportScenarios';
import { type AgreementRow, agreementTable, expectAgreement } from './agreementReport';

const rows: AgreementRow[] = [];

async function runExport(
  scenario: ExportScenario,
): Promise<{ plan: NginxPlan; results: TraceResult[]; agreement: Agreement }> {
  const plan = planNginx(scenario.config);
  // The file under test is the one users get, but for the harness's addresses and directory.
  const shipped = emitNginx(scenario.config).text.split('\n');
  const tested = exportedFile(plan).split('\n');
  expect(tested.length).toBe(shipped.length);
  const changed = shipped.filter((line, i) => line !== tested[i]);
  expect(changed.filter((line) => !/^ *(listen|server|proxy_cache_path) /.test(line))).toEqual([]);
  const results = await withNginxFile(exportedFile(plan), standIns(plan), (nginx) =>
    nginx.sendTrace(scenario.trace),
  );
  const agreement = compareWithModel(modelOf(plan), results);
  rows.push({ config: `export: ${scenario.name}`, agreement });
  return { plan, results, agreement };
}

/**
 * What nginx's cache did against a plain TTL model: an answer is stored when a MISS or EXPIRED
 * request completes; a request that starts before anything is stored for its URI cannot HIT, and
 * one that starts well inside the TTL of the last stored answer (less nginx's 1 s granularity) HITs.
 */
function cacheDisagreements(results: readonly TraceResult[], ttlSeconds: number): string[] {
  const stores = new Map<string, number[]>();
  const answered = results.filter((r) => r.log.status === 200);
  for (const { log } of answered) {
    if (log.cache === 'HIT') continue;
    stores.set(log.uri, [...(stores.get(log.uri) ?? []), log.startMs + log.requestTimeMs]);
  }
  const wrong: string[] = [];
  for (const { log } of answered) {
    // Times are whole ms: an answer stored in the same ms as a lookup may land on either side.
    const stored = stores.get(log.uri) ?? [];
    if (!stored.some((at) => at <= log.startMs + 1)) {
      if (log.cache === 'HIT')
        wrong.push(`${log.uri} at ${log.startMs}: HIT before anything was stored`);
      continue;
    }
    const surely = stored.filter((at) => at + 1 < log.startMs);
    if (surely.length === 0) continue;
    const age = log.startMs - Math.max(...surely);
    if (age < (ttlSeconds - 1) * 1000 - 50 && log.cache !== 'HIT') {
      wrong.push(`${log.uri} ${age} ms after it was stored: ${log.cache}`);
    }
  }
  return wrong;
}

describe.concurrent('exported nginx.conf on real nginx', () => {
  it.each(EXPORT_SCENARIOS.map((s) => [s.name, s] as const))(
    '%s',
    async (_, scenario) => {
      expect(scenario.trace.length).toBeGreaterThanOrEqual(50);
      expect(scenario.trace.length).toBeLessThanOrEqual(200);
      const { plan, results, agreement } = await runExport(scenario);
      expectAgreement(agreement);
      if (plan.cacheSeconds !== null) {
        expect(cacheDisagreements(results, plan.cacheSeconds)).toEqual([]);
        expect(results.filter((r) => r.log.cache === 'HIT').length).toBeGreaterThan(10);
        // Both instances of a service answer (round robin), cached or not.
        const bodies = new Set(results.map((r) => r.response.body.split(' ')[0]));
        expect(bodies).toContain('user-service-1');
        expect(bodies).toContain('user-service-2');
      } else {
        expect(results.every((r) => r.log.cache === '')).toBe(true);
      }
    },
    90_000,
  );

  it('route matching: every path agrees with the model, and with the playground on the normalised path', async () => {
    expect(EXPORT_ROUTES_SCENARIO.trace.length).toBeGreaterThanOrEqual(30);
    const { results, agreement } = await runExport(EXPORT_ROUTES_SCENARIO);
    expect(agreement.excludedNearEdge).toBe(0);
    expectAgreement(agreement);
    const routes = EXPORT_ROUTES_SCENARIO.config.routes.map((r) => ({
      path: r.path,
      serviceUrl: r.service,
      match: r.match ?? 'prefix',
    }));
    const differ: string[] = [];
    let compared = 0;
    for (const { request, response } of results) {
      const uri = normaliseNginxPath(request.target);
      if (!uri.ok) continue; // 400: nginx refuses the path before any route
      // A decoded %3F or %23 is part of nginx's path; the playground would read it as a query.
      if (/[?#]/.test(uri.path)) continue;
      compared++;
      const route = matchRoute(routes, uri.path);
      const playground = route === null ? '404' : serviceName(route.serviceUrl);
      const nginx =
        response.status === 200 ? (response.body.split(' ')[0] ?? '') : String(response.status);
      if (nginx !== playground)
        differ.push(`${request.target}: nginx ${nginx}, playground ${playground}`);
    }
    expect(differ).toEqual([]);
    console.log(
      `Route matching: ${compared} of ${results.length} paths compared with the playground's router on nginx's normalised path, all agree.`,
    );
    expect(compared).toBeGreaterThanOrEqual(30);
  }, 30_000);
});

afterAll(() => {
  console.log(`\nExported configs on real nginx:\n${agreementTable(rows)}\n`);
});

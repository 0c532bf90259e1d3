// Real nginx against the engine's nginx PROFILE (createGateway({ profile: 'nginx' })): for every
// hand-written configuration in scenarios.ts the profile can express, the profile is fed nginx's
// own arrival times and must give every request nginx's status, its page for what nginx answers
// itself, the same service for what it proxies, and the same 301 target. Run with
// `npm run test:nginx`.
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createGateway, type GatewayConfig } from '../../src/engine';
import { withNginx, type TraceResult } from './harness';
import type { NginxConfigModel } from './model';
import { LIMIT_SCENARIOS, ROUTES_SCENARIO, type Scenario } from './scenarios';

/**
 * The profile has one limit for every route and no `return 200` location: the scenario with two
 * zones and a `/health` answered before limit_req is the one it cannot express.
 */
const NOT_EXPRESSIBLE = new Set(['locations-and-limits']);

/** Every request comes from 127.0.0.1: a zone keyed by client address is one key for all. */
const CLIENT_KEY = '127.0.0.1';

/** Within this many ms of an edge nginx's clock and the log's may round apart (as in model.ts). */
const EDGE_MS = 2;
const SHIFTS = [-EDGE_MS, -1, 1, EDGE_MS];
/**
 * A delay is checked as a lower bound, with more slack than a status: the start time is `$msec`
 * less `$request_time`, two truncated readings, and a delay in delay mode sums the drain of every
 * earlier request, each computed from such a start (30r/m: 1 ms of drain is 1 ms of delay).
 */
const DELAY_SLACK_MS = 5;

interface Fitted {
  readonly config: GatewayConfig;
  /** The key the profile is sent for a request of the trace. */
  readonly keyOf: (apiKey: string | undefined) => string | null;
}

/** The profile's config for a scenario's nginx.conf, read from the scenario's description of it. */
function fit(model: NginxConfigModel): Fitted {
  const zones = Object.entries(model.zones);
  if (zones.length > 1) throw new Error('the profile has one limit_req_zone');
  const uses = model.locations.flatMap((l) => (l.limit === undefined ? [] : [l.limit]));
  const zone = zones[0]?.[1];
  const use = uses[0];
  const routes = model.locations
    .filter((l) => l.returns === undefined)
    .map((l) => ({
      path: l.path,
      // Hand-written configs name one upstream per location (the exported ones may list instances).
      service: (Array.isArray(l.upstream) ? l.upstream[0] : l.upstream) ?? '?',
      match: l.exact ? ('exact' as const) : ('prefix' as const),
    }));
  // A configuration without limit_req: a limit no trace here comes near.
  const limit =
    zone === undefined || use === undefined
      ? { requests: 1000, windowMs: 1000, burst: 1000, nodelay: true }
      : { requests: zone.rate, windowMs: zone.windowMs, burst: use.burst, nodelay: use.nodelay };
  const byKey = model.apiKeys !== undefined;
  return {
    config: {
      profile: 'nginx',
      routes,
      keys: byKey ? (model.apiKeys ?? []) : [CLIENT_KEY],
      limit: model.limitStatus === 503 ? limit : { ...limit, status: model.limitStatus },
    },
    keyOf: (apiKey) => (byKey ? (apiKey ?? null) : CLIENT_KEY),
  };
}

/** nginx's pages name its version unless `server_tokens off`; the profile writes the latter. */
function withoutVersion(body: string): string {
  return body.replace(/nginx\/[0-9.]+/, 'nginx');
}

interface Agreement {
  readonly requests: number;
  readonly agreed: number;
  readonly excludedNearEdge: number;
  readonly disagreements: readonly string[];
}

interface Sent {
  readonly path: string;
  readonly apiKey: string | null;
  readonly atMs: number;
}

/** The profile's decision for `request` at `atMs` after replaying the requests it let through. */
function decide(fitted: Fitted, history: readonly Sent[], request: Sent) {
  const gateway = createGateway(fitted.config).core;
  for (const earlier of history) gateway.handle(earlier, earlier.atMs);
  return gateway.handle(request, request.atMs);
}

function passedLimit(decision: ReturnType<typeof decide>): boolean {
  return decision.stages.some((s) => s.stage === 'rate-limit' && s.verdict === 'pass');
}

function compare(scenario: Scenario, results: readonly TraceResult[]): Agreement {
  const fitted = fit(scenario.model);
  const ordered = [...results].sort(
    (a, b) => a.log.startMs - b.log.startMs || a.log.connection - b.log.connection,
  );
  const history: Sent[] = [];
  let agreed = 0;
  let excludedNearEdge = 0;
  const disagreements: string[] = [];
  for (const { request, response, log } of ordered) {
    const sent = (shift: number): Sent => ({
      path: request.target,
      apiKey: fitted.keyOf(request.apiKey),
      atMs: log.startMs + shift,
    });
    const decision = decide(fitted, history, sent(0));
    const around = SHIFTS.map((shift) => decide(fitted, history, sent(shift)).status);
    if (around.some((status) => status !== decision.status)) {
      excludedNearEdge++;
      if (log.limitReq === 'PASSED' || log.limitReq === 'DELAYED') {
        const shift = [0, -1, 1, -2, 2].find((s) => passedLimit(decide(fitted, history, sent(s))));
        history.push(sent(shift ?? 0));
      }
      continue;
    }
    if (passedLimit(decision)) history.push(sent(0));
    const wrong: string[] = [];
    if (response.status !== decision.status)
      wrong.push(`status ${response.status}, profile ${decision.status}`);
    if (decision.decidedBy === 'service') {
      const service = response.body.split(' ')[0];
      if (service !== decision.service)
        wrong.push(`served by ${service}, profile ${decision.service ?? 'none'}`);
      if (decision.delayMs > 0 && log.requestTimeMs < decision.delayMs - DELAY_SLACK_MS)
        wrong.push(`held ${log.requestTimeMs} ms, profile delays ${decision.delayMs} ms`);
    } else if (withoutVersion(response.body) !== decision.body) {
      wrong.push(`body ${JSON.stringify(response.body)}, profile ${JSON.stringify(decision.body)}`);
    }
    if (decision.status === 301) {
      const to = response.location === null ? null : new URL(response.location, 'http://x');
      const got = to === null ? 'none' : `${to.pathname}${to.search}`;
      if (got !== decision.headers['Location'])
        wrong.push(`Location ${got}, profile ${decision.headers['Location'] ?? 'none'}`);
    }
    if (wrong.length === 0) agreed++;
    else disagreements.push(`${request.target} at ${log.startMs} ms: ${wrong.join('; ')}`);
  }
  return { requests: results.length, agreed, excludedNearEdge, disagreements };
}

const rows: { config: string; agreement: Agreement }[] = [];

async function run(scenario: Scenario): Promise<Agreement> {
  const conf = await readFile(new URL(`./conf/${scenario.name}.conf`, import.meta.url), 'utf8');
  const results = await withNginx(conf, scenario.upstreams, (nginx) =>
    nginx.sendTrace(scenario.trace),
  );
  const agreement = compare(scenario, results);
  rows.push({ config: scenario.name, agreement });
  return agreement;
}

function expectAgreement(agreement: Agreement): void {
  expect(agreement.disagreements).toEqual([]);
  expect(agreement.agreed + agreement.excludedNearEdge).toBe(agreement.requests);
  expect(agreement.excludedNearEdge).toBeLessThanOrEqual(Math.ceil(agreement.requests * 0.2));
}

const EXPRESSIBLE = LIMIT_SCENARIOS.filter((s) => !NOT_EXPRESSIBLE.has(s.name));

describe.concurrent('real nginx agrees with the nginx profile', () => {
  it('the profile can express all but the two-zone scenario', () => {
    expect(EXPRESSIBLE.length).toBe(LIMIT_SCENARIOS.length - 1);
    expect(() => fit(LIMIT_SCENARIOS.find((s) => NOT_EXPRESSIBLE.has(s.name))!.model)).toThrow();
  });

  it.each(EXPRESSIBLE.map((s) => [s.name, s] as const))(
    'limit_req: %s',
    async (_, scenario) => expectAgreement(await run(scenario)),
    90_000,
  );

  it('location matching after normalisation, 400s and 301s: every path agrees', async () => {
    const agreement = await run(ROUTES_SCENARIO);
    expect(agreement.excludedNearEdge).toBe(0);
    expectAgreement(agreement);
  }, 30_000);
});

afterAll(() => {
  const lines = rows
    .sort((a, b) => a.config.localeCompare(b.config))
    .map(
      ({ config, agreement: a }) =>
        `| ${config} | ${a.requests} | ${a.agreed} | ${a.excludedNearEdge} |`,
    );
  console.log(
    `\nReal nginx and the nginx profile:\n| config | requests | agreed | excluded near an edge |\n|---|---|---|---|\n${lines.join('\n')}\n`,
  );
});

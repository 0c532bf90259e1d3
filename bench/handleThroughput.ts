/**
 * `Gateway.handle` throughput: whole requests per second through the lesson pipeline (auth → rate
 * limit → router) and with every optional stage on. Traffic: 1,000 registered keys plus some
 * missing and unknown ones, lesson paths plus unknown ones, GET mostly, each key sending about
 * twice its limit, so every outcome (200, 401, 404, 429, cache Hit/Miss/Bypass) is in the mix.
 */
import {
  Gateway,
  createRandom,
  type GatewayRequest,
  type PipelineOptions,
} from '../src/engine/index';

const KEYS = 1000;
const BLOCK = 1 << 14;
const ROUND = 1 << 18;
const ROUNDS = 5;
const WINDOW_MS = 60_000;
const MAX_REQUESTS = 5;

export const EVERY_STAGE: PipelineOptions = {
  accessLog: true,
  requestId: true,
  normalise: true,
  cache: { ttlMs: 2000 },
  transform: { stripPrefix: true, addConsumer: true, removeKey: true },
  balancer: { algorithm: 'least-connections', failures: 3, cooldownMs: 5000 },
};

function makeRequests(): GatewayRequest[] {
  const random = createRandom(2024);
  const keys = Array.from({ length: KEYS }, (_, i) => `key-${i}`);
  const paths = [
    '/api/users',
    '/api/users/7',
    '/api/orders/12?x=1',
    '/api//users/../orders',
    '/nope',
  ];
  return Array.from({ length: BLOCK }, () => {
    const roll = random.next();
    const apiKey =
      roll < 0.03 ? null : roll < 0.05 ? 'unknown' : (keys[random.int(0, KEYS - 1)] as string);
    const method = random.next() < 0.9 ? 'GET' : 'POST';
    return { method, path: paths[random.int(0, paths.length - 1)] as string, apiKey };
  });
}

function gateway(pipeline: PipelineOptions): Gateway {
  const g = new Gateway(
    {
      maxRequests: MAX_REQUESTS,
      windowMs: WINDOW_MS,
      registeredKeys: Array.from({ length: KEYS }, (_, i) => `key-${i}`),
    },
    [
      { path: '/api/users', serviceUrl: 'http://user-service:3001', match: 'prefix' },
      { path: '/api/orders', serviceUrl: 'http://order-service:3002', match: 'prefix' },
    ],
  );
  g.configurePipeline(pipeline);
  g.upstreams.configureService('user-service', { instances: 3, latencyMs: 20 });
  return g;
}

export interface HandleResult {
  readonly label: string;
  /** Median round, per second of wall time. */
  readonly requestsPerSecond: number;
  /** Median round, per second of this process's CPU time (what the targets use; see runRound). */
  readonly requestsPerCpuSecond: number;
  readonly statuses: string;
}

function measure(label: string, pipeline: PipelineOptions): HandleResult {
  const requests = makeRequests();
  const g = gateway(pipeline);
  // Each key sends about twice its limit per window: KEYS × 2 × MAX_REQUESTS per WINDOW_MS.
  const stepMs = WINDOW_MS / (KEYS * 2 * MAX_REQUESTS);
  let t = 0;
  const counts = new Map<number, number>();
  // Rates per second of this process's CPU time as well as of wall time: on a shared machine
  // the wall clock also counts the time other processes had the core.
  const cpu: number[] = [];
  const runRound = (count: boolean): number => {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let done = 0; done < ROUND; done += BLOCK) {
      for (let i = 0; i < BLOCK; i++) {
        const decision = g.handle(requests[i] as GatewayRequest, t);
        t += stepMs;
        if (count) counts.set(decision.status, (counts.get(decision.status) ?? 0) + 1);
      }
    }
    const wallNs = Number(process.hrtime.bigint() - start);
    const used = process.cpuUsage(cpuStart);
    if (!count) cpu.push((ROUND / (used.user + used.system)) * 1e6);
    return (ROUND / wallNs) * 1e9;
  };
  runRound(true); // warm-up, and the status mix
  runRound(false);
  cpu.length = 0;
  const rates = Array.from({ length: ROUNDS }, () => runRound(false)).sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const statuses = [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([status, n]) => `${status} ${Math.round((n / total) * 100)}%`)
    .join(', ');
  return {
    label,
    requestsPerSecond: rates[Math.floor(ROUNDS / 2)] as number,
    requestsPerCpuSecond: cpu[Math.floor(ROUNDS / 2)] as number,
    statuses,
  };
}

/** Runs both pipelines; returns their results and the targets (≥ 2 M/s lesson, ≥ 1 M/s every stage). */
export function benchHandle(): {
  results: HandleResult[];
  targets: { label: string; pass: boolean }[];
} {
  const lesson = measure('lesson pipeline (auth, rate limit, router)', {});
  const every = measure('every stage on', EVERY_STAGE);
  const m = (r: HandleResult) => `${(r.requestsPerCpuSecond / 1e6).toFixed(2)} M per CPU s`;
  return {
    results: [lesson, every],
    targets: [
      {
        label: `handle, lesson pipeline >= 2 M requests/s (${m(lesson)})`,
        pass: lesson.requestsPerCpuSecond >= 2e6,
      },
      {
        label: `handle, every stage on >= 1 M requests/s (${m(every)})`,
        pass: every.requestsPerCpuSecond >= 1e6,
      },
    ],
  };
}

/** The table `npm run bench` prints. */
export function printHandle(results: readonly HandleResult[]): void {
  const rate = (n: number) => `${(n / 1e6).toFixed(2)} M/s`.padStart(10);
  console.log('Gateway.handle: whole requests per second (median of 5 rounds of 262,144)');
  console.log(
    `${'pipeline'.padEnd(44)} ${'CPU time'.padStart(10)} ${'wall'.padStart(10)}   statuses`,
  );
  for (const r of results)
    console.log(
      `${r.label.padEnd(44)} ${rate(r.requestsPerCpuSecond)} ${rate(r.requestsPerSecond)}   ${r.statuses}`,
    );
}

if (process.argv[1]?.endsWith('handleThroughput.ts')) {
  const { results, targets } = benchHandle();
  printHandle(results);
  for (const t of targets) console.log(`${t.pass ? 'PASS' : 'MISS'}  ${t.label}`);
}

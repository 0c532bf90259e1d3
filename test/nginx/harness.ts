// Runs a real nginx for the agreement tests: a private prefix directory, `nginx -t`, one process on
// a free loopback port, stand-in upstreams, a trace sent by the wall clock, and nginx's own JSON
// access log read back. Everything it starts is stopped again, also when a step fails.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { type AddressInfo, Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findNginx } from '../../scripts/nginx-path.mjs';

/** One request of a trace: when the client sends it (ms after the trace starts), and what. */
export interface TraceRequest {
  readonly atMs: number;
  /** The request target exactly as sent: path and query, not normalised. */
  readonly target: string;
  readonly apiKey?: string;
}

/** What the client saw. */
export interface ClientResponse {
  readonly status: number;
  readonly body: string;
  readonly location: string | null;
}

/** One line of nginx's access log, with the times in whole ms. */
export interface NginxLogEntry {
  /** The client's `X-Trace-Index`; null when nginx refused the request line before the headers. */
  readonly traceIndex: number | null;
  /**
   * When nginx started the request: `$msec − $request_time`. nginx stamps `r->start` from its
   * cached clock when it creates the request, and `limit_req` reads the same cached clock in the
   * preaccess phase; when the request arrives in one read (always, for these small GETs) both
   * happen in one event-loop turn, so this is the time limit_req used. nginx's limiter counts
   * monotonic ms while `$msec` is wall-clock ms; the two differ by a constant, so differences
   * between requests agree to within 1 ms (truncation of each reading).
   */
  readonly startMs: number;
  readonly status: number;
  /** `$request_time` in ms: from the start to the last byte sent, including any limit_req delay. */
  readonly requestTimeMs: number;
  /** The request line, which nginx logs even when it refused the line itself (400). */
  readonly requestLine: string;
  readonly requestUri: string;
  readonly uri: string;
  readonly upstream: string;
  /** nginx's connection serial number: the order it accepted the connections in. */
  readonly connection: number;
  /** `$limit_req_status`: PASSED, DELAYED, REJECTED, or empty when no limit applied. */
  readonly limitReq: string;
  /** `$upstream_cache_status`: MISS, HIT, EXPIRED, …, or empty when no cache applied. */
  readonly cache: string;
}

export interface TraceResult {
  readonly request: TraceRequest;
  readonly response: ClientResponse;
  readonly log: NginxLogEntry;
}

const LOG_FORMAT = [
  '{"msec":"$msec"',
  '"request_time":"$request_time"',
  '"status":"$status"',
  '"request":"$request"',
  '"request_uri":"$request_uri"',
  '"uri":"$uri"',
  '"upstream":"$upstream_addr"',
  '"connection":"$connection"',
  '"trace":"$http_x_trace_index"',
  '"limit_req":"$limit_req_status"',
  '"cache":"$upstream_cache_status"}',
].join(',');

/** Everything a config needs that only the harness knows: where files go and which ports. */
export interface ConfPlaceholders {
  /** `127.0.0.1:<port>` for nginx's `listen`. */
  readonly listen: string;
  /** `127.0.0.1:<port>` of each stand-in upstream, by name. */
  readonly upstreams: Readonly<Record<string, string>>;
}

function fillPlaceholders(text: string, dir: string, at: ConfPlaceholders): string {
  return text
    .replaceAll('{{listen}}', at.listen)
    .replaceAll('{{dir}}', dir)
    .replace(/\{\{upstream:([a-z0-9-]+)\}\}/g, (_, name: string) => {
      const address = at.upstreams[name];
      if (address === undefined) throw new Error(`the config names an unknown upstream "${name}"`);
      return address;
    });
}

/** Main-context lines that keep nginx in the foreground, unprivileged, with its files in `dir`. */
function mainPreamble(dir: string): string {
  return `daemon off;
master_process off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} info;
`;
}

/** http-context lines: temp paths inside `dir` and the JSON access log the tests read. */
function httpPreamble(dir: string): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${join(dir, `${kind}_temp`)};`)
    .join('\n');
  return `${temp}
  log_format trace escape=json '${LOG_FORMAT}';
  access_log ${join(dir, 'access.log')} trace;
`;
}

/**
 * Wraps an `http { }` body in a complete nginx.conf that runs unprivileged in `dir`: no daemon, one
 * process, pid, error log and temp paths inside `dir`, and the JSON access log the tests read.
 * `{{listen}}`, `{{dir}}` and `{{upstream:NAME}}` in the body are replaced with the harness's
 * addresses and directory.
 */
export function renderNginxConf(httpBody: string, dir: string, at: ConfPlaceholders): string {
  return `${mainPreamble(dir)}events { worker_connections 1024; }
http {
${httpPreamble(dir)}${fillPlaceholders(httpBody, dir, at)}
}
`;
}

/**
 * A whole nginx.conf as a user would install it (its own `events {}` and one `http {` line), with
 * only the harness's lines added: the main-context ones at the top, the http-context ones right
 * after `http {`. Placeholders as in renderNginxConf.
 */
export function renderNginxFile(file: string, dir: string, at: ConfPlaceholders): string {
  const lines = fillPlaceholders(file, dir, at).split('\n');
  const http = lines.findIndex((line) => line.trim() === 'http {');
  if (http < 0 || lines.findIndex((line, i) => i > http && line.trim() === 'http {') >= 0) {
    throw new Error('the file needs exactly one line `http {`');
  }
  lines.splice(http + 1, 0, httpPreamble(dir));
  return `${mainPreamble(dir)}${lines.join('\n')}`;
}

/** The lowest port of the kernel's ephemeral range (32768 where it cannot be read). */
async function ephemeralLow(): Promise<number> {
  const range = await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').catch(() => '');
  const low = Number(range.trim().split(/\s+/)[0]);
  return Number.isInteger(low) && low > 11_000 ? low : 32_768;
}

/** Whether a server can listen on `port` on loopback right now (it is closed again at once). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free loopback port below the kernel's ephemeral range. A port from `listen(0)` is in that
 * range, and once closed the kernel may hand it to the next `listen(0)` or outgoing connection of
 * a test running alongside (a trace failed once with ECONNREFUSED mid-run, most likely so: nginx
 * could not bind, and the start-up check reached another test's stand-in upstream). Below the
 * range only another test's freePort can pick the same port, and nginx then fails to start
 * visibly.
 */
export async function freePort(): Promise<number> {
  const low = await ephemeralLow();
  for (;;) {
    const port = 10_000 + Math.floor(Math.random() * (low - 10_000));
    if (await canListen(port)) return port;
  }
}

/** Stand-in upstream: answers 200 with its name and the request target it received. */
async function startUpstream(name: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`${name} ${req.url ?? ''}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function run(file: string, args: readonly string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, (error, stdout, stderr) => {
      resolve({ ok: error === null, output: `${stdout}${stderr}`.trim() });
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, errorLog: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await sleep(20);
  }
  const log = await readFile(errorLog, 'utf8').catch(() => '');
  throw new Error(`nginx did not start listening on ${port}:\n${log}`);
}

async function stopNginx(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGQUIT'); // graceful: finishes the requests in flight, then exits
  const stopped = await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]);
  if (!stopped) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** A running nginx with its upstreams. */
export interface NginxRun {
  readonly port: number;
  /** Sends the trace (each request on its own connection, at its offset) and pairs it with the log. */
  sendTrace(trace: readonly TraceRequest[]): Promise<TraceResult[]>;
}

/**
 * Runs `body` against a real nginx configured by `httpBody` (see renderNginxConf) with stand-in
 * upstreams named `upstreams`. Fails with nginx's own words when `nginx -t` rejects the file.
 */
export function withNginx<T>(
  httpBody: string,
  upstreams: readonly string[],
  body: (run: NginxRun) => Promise<T>,
): Promise<T> {
  return runNginx((dir, at) => renderNginxConf(httpBody, dir, at), upstreams, body);
}

/** Like withNginx, for a whole nginx.conf (see renderNginxFile). */
export function withNginxFile<T>(
  file: string,
  upstreams: readonly string[],
  body: (run: NginxRun) => Promise<T>,
): Promise<T> {
  return runNginx((dir, at) => renderNginxFile(file, dir, at), upstreams, body);
}

async function runNginx<T>(
  render: (dir: string, at: ConfPlaceholders) => string,
  upstreams: readonly string[],
  body: (run: NginxRun) => Promise<T>,
): Promise<T> {
  const nginx = findNginx();
  if (nginx === null) throw new Error('No nginx found: run `node scripts/ensure-nginx.mjs`.');
  const dir = await mkdtemp(join(tmpdir(), 'nginx-agreement-'));
  const servers: http.Server[] = [];
  let child: ChildProcess | undefined;
  let killOnExit: (() => void) | undefined;
  try {
    const addresses: Record<string, string> = {};
    for (const name of upstreams) {
      const server = await startUpstream(name);
      servers.push(server);
      addresses[name] = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
    const port = await freePort();
    const conf = join(dir, 'nginx.conf');
    const errorLog = join(dir, 'error.log');
    await writeFile(conf, render(dir, { listen: `127.0.0.1:${port}`, upstreams: addresses }));
    const args = ['-p', dir, '-c', conf, '-e', errorLog];
    const check = await run(nginx, ['-t', ...args]);
    if (!check.ok) throw new Error(`nginx -t rejected the config:\n${check.output}`);
    const started = spawn(nginx, args, { stdio: 'ignore' });
    child = started;
    // If the test run itself is torn down, nginx must not outlive it.
    killOnExit = () => started.kill('SIGKILL');
    process.once('exit', killOnExit);
    await waitForPort(port, started, errorLog);
    const accessLog = join(dir, 'access.log');
    return await body({ port, sendTrace: (trace) => sendTrace(port, trace, accessLog) });
  } finally {
    if (child !== undefined) await stopNginx(child);
    if (killOnExit !== undefined) process.off('exit', killOnExit);
    await Promise.all(servers.map(closeServer));
    await rm(dir, { recursive: true, force: true });
  }
}

function send(port: number, request: TraceRequest, index: number): Promise<ClientResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'x-trace-index': String(index) };
    if (request.apiKey !== undefined) headers['x-api-key'] = request.apiKey;
    const req = http.request(
      { host: '127.0.0.1', port, path: request.target, agent: false, headers, timeout: 30_000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, location: res.headers.location ?? null }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`request ${index} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/** `"1733112000.123"` → 1733112000123, without going through a float. */
function parseMs(seconds: string): number {
  const [whole = '0', fraction = ''] = seconds.split('.');
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3));
}

function parseLogLine(line: string): NginxLogEntry {
  const raw = JSON.parse(line) as Record<string, string>;
  const field = (name: string): string => raw[name] ?? '';
  return {
    traceIndex: field('trace') === '' ? null : Number(field('trace')),
    startMs: parseMs(field('msec')) - parseMs(field('request_time')),
    status: Number(field('status')),
    requestTimeMs: parseMs(field('request_time')),
    requestLine: field('request'),
    requestUri: field('request_uri'),
    uri: field('uri'),
    upstream: field('upstream'),
    connection: Number(field('connection')),
    limitReq: field('limit_req'),
    cache: field('cache'),
  };
}

async function readLog(accessLog: string, expected: number): Promise<NginxLogEntry[]> {
  // nginx logs a request after sending its answer, so the last lines may trail the responses.
  const deadline = Date.now() + 3000;
  for (;;) {
    const text = await readFile(accessLog, 'utf8').catch(() => '');
    const lines = text.split('\n').filter((line) => line !== '');
    if (lines.length >= expected || Date.now() > deadline) return lines.map(parseLogLine);
    await sleep(20);
  }
}

async function sendTrace(
  port: number,
  trace: readonly TraceRequest[],
  accessLog: string,
): Promise<TraceResult[]> {
  const before = (await readLog(accessLog, 0)).length;
  const startedAt = performance.now() + 50;
  const responses = await Promise.all(
    trace.map(async (request, index) => {
      const wait = startedAt + request.atMs - performance.now();
      if (wait > 0) await sleep(wait);
      return send(port, request, index);
    }),
  );
  const entries = (await readLog(accessLog, before + trace.length)).slice(before);
  const byIndex = new Map<number, NginxLogEntry>();
  const headerless: NginxLogEntry[] = [];
  for (const entry of entries) {
    if (entry.traceIndex === null) headerless.push(entry);
    else byIndex.set(entry.traceIndex, entry);
  }
  return trace.map((request, index) => {
    // A request refused at its request line (400) has no headers logged: pair it by that line.
    let log = byIndex.get(index);
    if (log === undefined) {
      const line = `GET ${request.target} HTTP/1.1`;
      const at = headerless.findIndex((entry) => entry.requestLine === line);
      if (at >= 0) log = headerless.splice(at, 1)[0];
    }
    if (log === undefined)
      throw new Error(`nginx logged no line for request ${index} (${request.target})`);
    return { request, response: responses[index] as ClientResponse, log };
  });
}

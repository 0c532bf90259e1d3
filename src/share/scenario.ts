import {
  DEFAULT_SETTINGS,
  isProfileName,
  type GatewaySettings,
  type ProfileName,
  type Route,
  type TrafficRequest,
} from '../engine';
import {
  MAX_ACTIONS,
  MAX_RECORDED_REQUESTS,
  type History,
  type PlaygroundAction,
} from '../store/rewind';
import { FIRST_CHALLENGE_ID, isChallengeId, type ChallengeId } from '../content/challenges';
import type { Spacing, TrafficForm } from '../store/trafficFormSlice';
import { readPipeline } from './pipelineLink';
import { ScenarioError } from './scenarioError';
import type { PipelineConfig } from '../store/pipeline';

/**
 * A scenario in a link: where the playground started (settings, routes), what was done since
 * (sends, settings and route changes, at their times), the moment shown, the traffic form, and
 * the learner's challenge code only when they chose to include it. It lives in the query string
 * (`?scenario=…`), so the section anchors (`#model`, `#term-…`) keep the hash. Opening a link
 * decodes it defensively: anything malformed is reported and nothing of it is used.
 */
export const SCENARIO_PARAM = 'scenario';
const VERSION = 1;

/** Links longer than this leave the recorded actions out (settings, routes and form stay). */
export const MAX_LINK_CHARS = 16_000;

export interface Scenario {
  readonly start: {
    /** Missing in links made before profiles: the lesson's. */
    readonly profile?: ProfileName;
    readonly settings: GatewaySettings;
    readonly routes: readonly Route[];
    /** The optional stages at the start (missing in links made before there were any). */
    readonly pipeline?: PipelineConfig;
  };
  readonly actions: readonly PlaygroundAction[];
  readonly atMs: number;
  readonly form: TrafficForm;
  /** A challenge draft, only if the learner ticked "include my code". Never run on open. */
  readonly code: SharedCode | null;
}

/** Code for one of the coding challenges, as a link carries it. */
export interface SharedCode {
  readonly challenge: ChallengeId;
  readonly source: string;
}

/** A run of requests from one client to one path, evenly spaced: how sends are written. */
interface EncodedRun {
  readonly c: string;
  readonly k: string | null;
  readonly p: string;
  readonly t: number;
  readonly n: number;
  readonly d: number;
  /** The method, only when it is not GET (so older links read the same). */
  readonly m?: string;
}

type EncodedAction =
  | { readonly s: number; readonly r: readonly EncodedRun[] }
  | { readonly g: number; readonly v: Partial<GatewaySettings> }
  | { readonly a: number; readonly route: Route }
  | { readonly x: number; readonly path: string }
  | { readonly pr: number; readonly name: ProfileName }
  | { readonly pp: number; readonly pipeline: PipelineConfig }
  | { readonly i: number; readonly sv: string; readonly ix: number; readonly dn: boolean };

function methodOf(request: TrafficRequest): string | undefined {
  return request.method === undefined || request.method === 'GET' ? undefined : request.method;
}

/** Groups a send into runs: a burst or an evenly spread send is one run. */
export function toRuns(traffic: readonly TrafficRequest[]): EncodedRun[] {
  const runs: EncodedRun[] = [];
  for (const request of traffic) {
    const last = runs.at(-1);
    const same =
      last !== undefined &&
      last.c === request.clientId &&
      last.k === request.apiKey &&
      last.p === request.path &&
      last.m === methodOf(request);
    const gap = same ? request.sentAtMs - (last.t + (last.n - 1) * last.d) : -1;
    if (same && gap >= 0 && (last.n === 1 || gap === last.d)) {
      runs[runs.length - 1] = { ...last, n: last.n + 1, d: gap };
    } else {
      runs.push({
        c: request.clientId,
        k: request.apiKey,
        p: request.path,
        t: request.sentAtMs,
        n: 1,
        d: 0,
        ...(request.method === undefined || request.method === 'GET' ? {} : { m: request.method }),
      });
    }
  }
  return runs;
}

function fromRuns(runs: readonly EncodedRun[]): TrafficRequest[] {
  return runs.flatMap((run) =>
    Array.from({ length: run.n }, (_, i) => ({
      clientId: run.c,
      apiKey: run.k,
      path: run.p,
      sentAtMs: run.t + i * run.d,
      ...(run.m === undefined ? {} : { method: run.m }),
    })),
  );
}

function encodeAction(action: PlaygroundAction): EncodedAction {
  switch (action.kind) {
    case 'send':
      return { s: action.atMs, r: toRuns(action.traffic) };
    case 'settings':
      return { g: action.atMs, v: action.settings };
    case 'add-route':
      return { a: action.atMs, route: action.route };
    case 'remove-route':
      return { x: action.atMs, path: action.path };
    case 'profile':
      return { pr: action.atMs, name: action.profile };
    case 'pipeline':
      return { pp: action.atMs, pipeline: action.pipeline };
    case 'instance':
      return { i: action.atMs, sv: action.service, ix: action.index, dn: action.down };
  }
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(binary, (c) => c.charCodeAt(0)),
  );
}

/** The scenario of a playground: from its recording when it has one, else settings only. */
export function scenarioOf(
  history: History,
  now: {
    profile: ProfileName;
    settings: GatewaySettings;
    routes: readonly Route[];
    pipeline: PipelineConfig;
    clockMs: number;
  },
  form: TrafficForm,
  code: SharedCode | null,
): Scenario {
  if (history.stoppedBecause !== null) {
    return {
      start: {
        profile: now.profile,
        settings: now.settings,
        routes: now.routes,
        pipeline: now.pipeline,
      },
      actions: [],
      atMs: 0,
      form,
      code,
    };
  }
  const { settings, routes, profile = 'lesson', pipeline } = history.start;
  const start =
    pipeline === undefined
      ? { profile, settings, routes }
      : { profile, settings, routes, pipeline };
  return { start, actions: history.actions, atMs: now.clockMs, form, code };
}

/** The query value for a scenario; the recorded actions are left out if the link gets too long. */
export function encodeScenario(scenario: Scenario): { value: string; withActions: boolean } {
  const encode = (actions: readonly PlaygroundAction[], atMs: number) =>
    toBase64Url(
      JSON.stringify({
        v: VERSION,
        st: scenario.start.settings,
        ...(scenario.start.profile === undefined || scenario.start.profile === 'lesson'
          ? {}
          : { pf: scenario.start.profile }),
        ro: scenario.start.routes,
        ...(scenario.start.pipeline === undefined ? {} : { pl: scenario.start.pipeline }),
        ac: actions.map(encodeAction),
        at: atMs,
        f: scenario.form,
        ...(scenario.code === null
          ? {}
          : { code: scenario.code.source, ch: scenario.code.challenge }),
      }),
    );
  const full = encode(scenario.actions, scenario.atMs);
  if (full.length <= MAX_LINK_CHARS || scenario.actions.length === 0)
    return { value: full, withActions: true };
  return { value: encode([], 0), withActions: false };
}

export { ScenarioError };

function fail(what: string): never {
  throw new ScenarioError(what);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1e10;

function text(value: unknown, what: string, maxLength = 200): string {
  if (typeof value !== 'string' || value.length > maxLength) fail(`${what} is not a short text`);
  return value;
}

/** Only the engine's own setting names, each with the type its default has. */
function readSettings(value: unknown, what: string): Partial<GatewaySettings> {
  if (!isRecord(value)) fail(`${what} are missing`);
  const settings: Record<string, unknown> = {};
  for (const [name, given] of Object.entries(value)) {
    const fallback: unknown = DEFAULT_SETTINGS[name as keyof GatewaySettings];
    if (fallback === undefined) fail(`${what} have an unknown setting "${name.slice(0, 40)}"`);
    const ok = Array.isArray(fallback)
      ? Array.isArray(given) && given.length <= 50 && given.every((k) => typeof k === 'string')
      : typeof given === typeof fallback;
    if (!ok) fail(`${what}: "${name}" has the wrong type`);
    settings[name] = given;
  }
  return settings as Partial<GatewaySettings>;
}

function readRoute(value: unknown): Route {
  if (!isRecord(value)) fail('a route is not an object');
  const match = value.match;
  if (match !== 'exact' && match !== 'prefix') fail('a route has an unknown match kind');
  return {
    path: text(value.path, 'a route path'),
    serviceUrl: text(value.serviceUrl, 'a service URL'),
    match,
  };
}

function readProfile(value: unknown): ProfileName {
  if (typeof value !== 'string' || !isProfileName(value)) fail('a gateway profile is unknown');
  return value;
}

function readRun(value: unknown): EncodedRun {
  if (!isRecord(value)) fail('a send is not an object');
  const { n, d, t, k } = value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_RECORDED_REQUESTS)
    fail('a send has a bad count');
  if (!isTime(t) || !isTime(d)) fail('a send has a bad time');
  if (k !== null && typeof k !== 'string') fail('a send has a bad API key');
  const run = { c: text(value.c, 'a client id'), k, p: text(value.p, 'a path'), t, n, d };
  return value.m === undefined ? run : { ...run, m: text(value.m, 'a method', 10) };
}

function readAction(value: unknown): PlaygroundAction {
  if (!isRecord(value)) fail('an action is not an object');
  if (isTime(value.s) && Array.isArray(value.r)) {
    return { kind: 'send', atMs: value.s, traffic: fromRuns(value.r.map(readRun)) };
  }
  if (isTime(value.g))
    return { kind: 'settings', atMs: value.g, settings: readSettings(value.v, 'changed settings') };
  if (isTime(value.a)) return { kind: 'add-route', atMs: value.a, route: readRoute(value.route) };
  if (isTime(value.x))
    return { kind: 'remove-route', atMs: value.x, path: text(value.path, 'a removed route') };
  if (isTime(value.pr))
    return { kind: 'profile', atMs: value.pr, profile: readProfile(value.name) };
  if (isTime(value.pp))
    return { kind: 'pipeline', atMs: value.pp, pipeline: readPipeline(value.pipeline) };
  if (isTime(value.i)) {
    const { ix, dn } = value;
    if (typeof ix !== 'number' || !Number.isInteger(ix) || ix < 0 || ix > 100)
      fail('an instance number is bad');
    if (typeof dn !== 'boolean') fail('an instance change is neither down nor up');
    return {
      kind: 'instance',
      atMs: value.i,
      service: text(value.sv, 'a service'),
      index: ix,
      down: dn,
    };
  }
  fail('an action is of an unknown kind');
}

function readForm(value: unknown): TrafficForm {
  if (!isRecord(value)) fail('the traffic form is missing');
  const spacing: unknown = value.spacing;
  if (spacing !== 'burst' && spacing !== 'spread') fail('the spacing is unknown');
  const method = value.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST') fail('the method is unknown');
  return {
    clientId: text(value.clientId, 'the client'),
    method,
    path: text(value.path, 'the path'),
    count: text(value.count, 'the count', 20),
    spacing: spacing satisfies Spacing,
    rate: text(value.rate, 'the rate', 20),
  };
}

/**
 * Reads a scenario from a link's query value, checking every part; throws ScenarioError saying
 * what is wrong. The settings and routes are checked again by the engine when they are applied.
 */
export function decodeScenario(value: string): Scenario {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(value));
  } catch {
    fail('the link is cut or garbled');
  }
  if (!isRecord(parsed)) fail('the link holds no scenario');
  if (parsed.v !== VERSION) fail('the link is from another version of the page');
  const { ac, ro, at, code, ch } = parsed;
  if (!Array.isArray(ro) || ro.length > 100) fail('the routes are missing');
  if (!Array.isArray(ac) || ac.length > MAX_ACTIONS) fail('the actions are missing or too many');
  if (!isTime(at)) fail('the time is not a moment');
  if (code !== undefined && (typeof code !== 'string' || code.length > 100_000))
    fail('the code is not text');
  // Links made before there were several challenges carry no id: their code is the first one's.
  if (ch !== undefined && !isChallengeId(ch)) fail('the code is for an unknown challenge');
  const actions = ac.map(readAction);
  for (let i = 1; i < actions.length; i++) {
    if ((actions[i] as PlaygroundAction).atMs < (actions[i - 1] as PlaygroundAction).atMs)
      fail('the actions are out of order');
  }
  const requests = actions.reduce((sum, a) => sum + (a.kind === 'send' ? a.traffic.length : 0), 0);
  if (requests > MAX_RECORDED_REQUESTS) fail('the link holds too many requests');
  return {
    start: {
      profile: parsed.pf === undefined ? 'lesson' : readProfile(parsed.pf),
      settings: { ...DEFAULT_SETTINGS, ...readSettings(parsed.st, 'the settings') },
      routes: ro.map(readRoute),
      ...(parsed.pl === undefined ? {} : { pipeline: readPipeline(parsed.pl) }),
    },
    actions,
    atMs: at,
    form: readForm(parsed.f),
    code: code === undefined ? null : { challenge: ch ?? FIRST_CHALLENGE_ID, source: code },
  };
}

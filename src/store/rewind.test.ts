import { describe, expect, it } from 'vitest';
import { burst, type RequestTrace } from '../engine';
import { INITIAL_ROUTES, INITIAL_SETTINGS } from '../content/services';
import {
  MAX_ACTIONS,
  MAX_RECORDED_REQUESTS,
  emptyHistory,
  freshEngine,
  previousMomentBefore,
  rebuildAt,
  record,
  withoutLastAction,
  type History,
  type PlaygroundAction,
} from './rewind';

const START = { settings: INITIAL_SETTINGS, routes: INITIAL_ROUTES, seed: 7 };
const mobile = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };

const statuses = (traces: readonly RequestTrace[]) => traces.map((t) => t.decision.status);

/** Plays the actions on one engine, as the playground does live, noting the traces at each stop. */
function playLive(actions: readonly PlaygroundAction[], stopsMs: readonly number[]) {
  const { gateway, simulation } = freshEngine(START);
  const seen = new Map<number, number[]>();
  const traces: RequestTrace[] = [];
  const moments = [...new Set([...actions.map((a) => a.atMs), ...stopsMs])].sort((a, b) => a - b);
  for (const atMs of moments) {
    traces.push(...simulation.advanceTo(atMs));
    for (const action of actions.filter((a) => a.atMs === atMs)) {
      if (action.kind === 'send') simulation.send(action.traffic);
      if (action.kind === 'settings') gateway.configure(action.settings);
      if (action.kind === 'add-route') gateway.addRoute(action.route);
      if (action.kind === 'remove-route') gateway.removeRoute(action.path);
    }
    traces.push(...simulation.advanceTo(atMs));
    seen.set(atMs, statuses(traces));
  }
  return seen;
}

const ACTIONS: PlaygroundAction[] = [
  { kind: 'send', atMs: 0, traffic: burst(mobile, 6, 0) },
  { kind: 'settings', atMs: 5_000, settings: { maxRequests: 8 } },
  { kind: 'send', atMs: 5_000, traffic: burst(mobile, 4, 5_000) },
  { kind: 'remove-route', atMs: 9_000, path: '/api/users' },
  { kind: 'send', atMs: 9_000, traffic: burst(mobile, 1, 9_000) },
  {
    kind: 'add-route',
    atMs: 12_000,
    route: { path: '/api/users', serviceUrl: 'http://user-service:3001', match: 'exact' },
  },
  { kind: 'send', atMs: 12_000, traffic: burst(mobile, 1, 12_000) },
];

function historyOf(actions: readonly PlaygroundAction[]): History {
  return actions.reduce(record, emptyHistory(START));
}

describe('rebuildAt', () => {
  it('gives, at every moment, what playing live gave at that moment', () => {
    const stops = [0, 200, 400, 1_000, 5_000, 5_400, 9_000, 9_500, 12_000, 15_000];
    const live = playLive(ACTIONS, stops);
    const history = historyOf(ACTIONS);
    for (const atMs of stops) {
      expect(statuses(rebuildAt(history, atMs).traces), `at ${atMs} ms`).toEqual(live.get(atMs));
    }
    // Not vacuous: the run has every kind of outcome the actions aimed at.
    expect(new Set(live.get(15_000))).toEqual(new Set([200, 429, 404]));
  });

  it('puts back the settings and routes of that moment', () => {
    const history = historyOf(ACTIONS);
    expect(rebuildAt(history, 4_999).settings.maxRequests).toBe(INITIAL_SETTINGS.maxRequests);
    expect(rebuildAt(history, 5_000).settings.maxRequests).toBe(8);
    const paths = (atMs: number) => rebuildAt(history, atMs).routes.map((r) => r.path);
    expect(paths(10_000)).not.toContain('/api/users');
    expect(paths(13_000)).toContain('/api/users');
  });
});

describe('record', () => {
  it('drops the recorded future when something is done in the past', () => {
    const history = historyOf(ACTIONS);
    const branched = record(history, {
      kind: 'settings',
      atMs: 6_000,
      settings: { maxRequests: 2 },
    });
    expect(branched.actions.map((a) => a.atMs)).toEqual([0, 5_000, 5_000, 6_000]);
    expect(branched.recordedRequests).toBe(10);
  });

  it('stops recording at the cap and says why, keeping what it had', () => {
    let history = emptyHistory(START);
    for (let i = 0; i < MAX_ACTIONS; i++) {
      history = record(history, { kind: 'settings', atMs: i, settings: { maxRequests: 5 } });
    }
    expect(history.stoppedBecause).toBeNull();
    const full = record(history, { kind: 'settings', atMs: MAX_ACTIONS, settings: {} });
    expect(full.actions).toHaveLength(MAX_ACTIONS);
    expect(full.stoppedBecause).toMatch(/history is full/);
    // Once stopped, nothing more is recorded.
    expect(record(full, { kind: 'remove-route', atMs: 1e9, path: '/x' }).actions).toHaveLength(
      MAX_ACTIONS,
    );
  });

  it('counts requests against their own cap', () => {
    const big = burst(mobile, MAX_RECORDED_REQUESTS, 0);
    const history = record(emptyHistory(START), { kind: 'send', atMs: 0, traffic: big });
    expect(history.stoppedBecause).toBeNull();
    const over = record(history, { kind: 'send', atMs: 1, traffic: burst(mobile, 1, 1) });
    expect(over.stoppedBecause).toMatch(/history is full/);
  });
});

describe('withoutLastAction and previousMomentBefore', () => {
  it('undoes the last action done by a moment, and forgets what came after', () => {
    const history = historyOf(ACTIONS);
    const undone = withoutLastAction(history, 9_000);
    expect(undone.actions.map((a) => a.kind)).toEqual(['send', 'settings', 'send', 'remove-route']);
    expect(undone.recordedRequests).toBe(10);
  });

  it('finds the latest event or action before a moment', () => {
    const history = historyOf(ACTIONS.slice(0, 1));
    const { traces } = rebuildAt(history, 10_000);
    const last = Math.max(...traces.flatMap((t) => t.events.map((e) => e.atMs)));
    expect(previousMomentBefore(history, traces, 10_000)).toBe(last);
    expect(previousMomentBefore(history, traces, 1)).toBe(0);
    expect(previousMomentBefore(history, traces, 0)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { burst, spread } from '../engine';
import { INITIAL_ROUTES, INITIAL_SETTINGS } from '../content/services';
import { emptyHistory, rebuildAt, record, type History } from '../store/rewind';
import { DEFAULT_TRAFFIC_FORM } from '../store/trafficFormSlice';
import {
  decodeScenario,
  encodeScenario,
  MAX_LINK_CHARS,
  scenarioOf,
  ScenarioError,
  toRuns,
} from './scenario';

const mobile = { clientId: 'mobile', apiKey: 'abc123', path: '/api/users' };
const start = { settings: INITIAL_SETTINGS, routes: INITIAL_ROUTES, seed: 2024 };

function recorded(): History {
  let history = emptyHistory(start);
  history = record(history, { kind: 'send', atMs: 0, traffic: burst(mobile, 6, 0) });
  history = record(history, { kind: 'settings', atMs: 2_000, settings: { maxRequests: 9 } });
  history = record(history, {
    kind: 'add-route',
    atMs: 2_500,
    route: { path: '/api/pay', serviceUrl: 'http://payment-service:3003', match: 'prefix' },
  });
  history = record(history, { kind: 'send', atMs: 3_000, traffic: spread(mobile, 4, 3_000, 2) });
  return record(history, { kind: 'remove-route', atMs: 4_000, path: '/api/pay' });
}

const now = (history: History, clockMs: number) => ({ ...rebuildAt(history, clockMs), clockMs });
const toBase64Url = (text: string) =>
  btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('scenario links', () => {
  it('restore the same playground: every action, the moment and the form', () => {
    const history = recorded();
    const form = { ...DEFAULT_TRAFFIC_FORM, path: '/api/orders', count: '12' };
    const scenario = scenarioOf(history, now(history, 5_000), form, null);
    const decoded = decodeScenario(encodeScenario(scenario).value);
    expect(decoded).toEqual(scenario);
    const back = { ...emptyHistory({ ...decoded.start, seed: 2024 }), actions: decoded.actions };
    const statuses = (h: History) => rebuildAt(h, 5_000).traces.map((t) => t.decision.status);
    expect(statuses(back)).toEqual(statuses(history));
  });

  it('write a burst or an even spread as one run', () => {
    expect(toRuns(burst(mobile, 1000, 0))).toHaveLength(1);
    expect(toRuns(spread(mobile, 50, 0, 4))).toHaveLength(1);
    expect(
      toRuns([...burst(mobile, 2, 0), ...burst({ ...mobile, path: '/x' }, 2, 0)]),
    ).toHaveLength(2);
    expect(
      encodeScenario(scenarioOf(recorded(), now(recorded(), 0), DEFAULT_TRAFFIC_FORM, null)).value
        .length,
    ).toBeLessThan(2_000);
  });

  it('carry code only when it is given', () => {
    const history = recorded();
    const without = encodeScenario(
      scenarioOf(history, now(history, 0), DEFAULT_TRAFFIC_FORM, null),
    );
    expect(decodeScenario(without.value).code).toBeNull();
    const code = {
      challenge: 'token-bucket',
      source: 'export class TokenBucket { /* é ✓ */ }',
    } as const;
    const withCode = encodeScenario(
      scenarioOf(history, now(history, 0), DEFAULT_TRAFFIC_FORM, code),
    );
    expect(decodeScenario(withCode.value).code).toEqual(code);
  });

  it('leave the requests out when the link would get too long, and say so', () => {
    let history = emptyHistory(start);
    for (let i = 0; i < 400; i++) {
      const traffic = [
        { ...mobile, path: `/api/users/${i}`, sentAtMs: i * 10 },
        { ...mobile, path: `/api/orders/${i}`, sentAtMs: i * 10 },
      ];
      history = record(history, { kind: 'send', atMs: i * 10, traffic });
    }
    const { value, withActions } = encodeScenario(
      scenarioOf(history, now(history, 4_000), DEFAULT_TRAFFIC_FORM, null),
    );
    expect(withActions).toBe(false);
    expect(value.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
    expect(decodeScenario(value).actions).toEqual([]);
  });

  it('share settings only once the recording stopped (learner code ran)', () => {
    const history = { ...recorded(), stoppedBecause: 'your code answered' };
    const scenario = scenarioOf(history, now(recorded(), 5_000), DEFAULT_TRAFFIC_FORM, null);
    expect(scenario.actions).toEqual([]);
    expect(scenario.atMs).toBe(0);
    expect(scenario.start.settings.maxRequests).toBe(9);
  });

  it.each([
    ['garbage', '%%%not-base64'],
    ['cut', 'eyJ2IjoxLCJzdCI6'],
    ['not an object', toBase64Url('[1,2]')],
    ['another version', toBase64Url('{"v":99}')],
    [
      'a setting of the wrong type',
      toBase64Url('{"v":1,"st":{"maxRequests":"5"},"ro":[],"ac":[],"at":0,"f":{}}'),
    ],
    ['an unknown setting', toBase64Url('{"v":1,"st":{"evil":1},"ro":[],"ac":[],"at":0,"f":{}}')],
    ['a negative time', toBase64Url('{"v":1,"st":{},"ro":[],"ac":[],"at":-5,"f":{}}')],
    [
      'too many requests',
      toBase64Url(
        '{"v":1,"st":{},"ro":[],"ac":[{"s":0,"r":[{"c":"mobile","k":null,"p":"/","t":0,"n":1e9,"d":0}]}],"at":0,"f":{"clientId":"mobile","path":"/","count":"1","spacing":"burst","rate":"1"}}',
      ),
    ],
    [
      'actions out of order',
      toBase64Url(
        '{"v":1,"st":{},"ro":[],"ac":[{"x":5,"path":"/a"},{"x":1,"path":"/b"}],"at":0,"f":{"clientId":"mobile","path":"/","count":"1","spacing":"burst","rate":"1"}}',
      ),
    ],
    [
      'a bad spacing',
      toBase64Url(
        '{"v":1,"st":{},"ro":[],"ac":[],"at":0,"f":{"clientId":"m","path":"/","count":"1","spacing":"x","rate":"1"}}',
      ),
    ],
  ])('refuse a malformed link (%s) with a ScenarioError', (_, value) => {
    expect(() => decodeScenario(value)).toThrow(ScenarioError);
  });
});

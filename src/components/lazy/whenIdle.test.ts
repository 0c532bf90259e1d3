import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as WhenIdleModule from './whenIdle';

type WhenIdle = typeof WhenIdleModule;

/** A fresh copy of the module (its queue is module state) in a page that has loaded. */
async function freshModule(hash = ''): Promise<WhenIdle> {
  vi.resetModules();
  vi.stubGlobal('document', { readyState: 'complete' });
  vi.stubGlobal('window', {
    location: { hash },
    addEventListener: () => undefined,
    requestIdleCallback: (callback: () => void) => setTimeout(callback, 1),
  });
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 1));
  return import('./whenIdle');
}

/** A build that records when it starts and finishes only when the test says so. */
function deferredBuild(name: string, log: string[]) {
  let finish: () => void = () => undefined;
  const run = () =>
    new Promise<void>((resolve) => {
      log.push(`${name} starts`);
      finish = () => {
        log.push(`${name} ends`);
        resolve();
      };
    });
  return { run, finish: () => finish() };
}

describe('buildInTurn', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('starts each build only once the one before has finished, never two at once', async () => {
    const { buildInTurn } = await freshModule();
    const log: string[] = [];
    const a = deferredBuild('a', log);
    const b = deferredBuild('b', log);
    buildInTurn(a.run);
    buildInTurn(b.run);
    await vi.advanceTimersByTimeAsync(50);
    expect(log).toEqual(['a starts']);
    a.finish();
    await vi.advanceTimersByTimeAsync(50);
    expect(log).toEqual(['a starts', 'a ends', 'b starts']);
    b.finish();
    await vi.advanceTimersByTimeAsync(50);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
  });

  it('puts builds marked first before those queued earlier, in the order they came', async () => {
    const { buildInTurn } = await freshModule();
    const order: string[] = [];
    const record = (name: string) => () => {
      order.push(name);
      return Promise.resolve();
    };
    buildInTurn(record('section 1'));
    buildInTurn(record('section 2'));
    buildInTurn(record('playground'), true);
    buildInTurn(record('dock'), true);
    await vi.advanceTimersByTimeAsync(50);
    expect(order).toEqual(['playground', 'dock', 'section 1', 'section 2']);
  });

  it('leaves out a build cancelled before its turn, and goes on after one that failed', async () => {
    const { buildInTurn } = await freshModule();
    const order: string[] = [];
    buildInTurn(() => Promise.reject(new Error('chunk failed')));
    const cancel = buildInTurn(() => {
      order.push('cancelled');
      return Promise.resolve();
    });
    buildInTurn(() => {
      order.push('last');
      return Promise.resolve();
    });
    cancel();
    await vi.advanceTimersByTimeAsync(50);
    expect(order).toEqual(['last']);
  });

  it('builds again for a part queued after the queue had emptied', async () => {
    const { buildInTurn } = await freshModule();
    const order: string[] = [];
    buildInTurn(() => {
      order.push('early');
      return Promise.resolve();
    });
    await vi.advanceTimersByTimeAsync(50);
    buildInTurn(() => {
      order.push('late');
      return Promise.resolve();
    });
    await vi.advanceTimersByTimeAsync(50);
    expect(order).toEqual(['early', 'late']);
  });

  it('builds at once, without waiting for an idle moment, when the page was opened at a section', async () => {
    const { buildInTurn } = await freshModule('#quiz');
    const order: string[] = [];
    buildInTurn(() => {
      order.push('quiz');
      return Promise.resolve();
    });
    buildInTurn(() => {
      order.push('lab');
      return Promise.resolve();
    });
    expect(order).toEqual(['quiz', 'lab']);
  });
});

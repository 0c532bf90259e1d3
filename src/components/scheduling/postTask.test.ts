import { describe, expect, it } from 'vitest';
import { nextTask, postTask } from './postTask';

describe('postTask', () => {
  it('runs callbacks after the current task, in order, and not once cancelled', async () => {
    const ran: string[] = [];
    postTask(() => ran.push('a'));
    const cancel = postTask(() => ran.push('b'));
    postTask(() => ran.push('c'));
    cancel();
    ran.push('now');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toEqual(['now', 'a', 'c']);
  });

  it('nextTask resolves after microtasks already queued', async () => {
    const ran: string[] = [];
    const done = nextTask().then(() => ran.push('task'));
    void Promise.resolve().then(() => ran.push('microtask'));
    await done;
    expect(ran).toEqual(['microtask', 'task']);
  });
});

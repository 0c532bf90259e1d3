/**
 * Runs callbacks each in a task of its own, in the order posted, as soon as the browser can: a
 * MessageChannel's tasks, which are not clamped as setTimeout's are and run before the next frame
 * unless the page is busy. Work posted here stays out of the task that posted it (a click, a
 * frame), so neither grows into a long task. One channel for the page, opened on first use.
 */
const posted: (() => void)[] = [];
let port: MessagePort | null = null;

/** Posts `callback`; the returned function cancels it if it has not run yet. */
export function postTask(callback: () => void): () => void {
  if (port === null) {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => posted.shift()?.();
    port = channel.port2;
  }
  let cancelled = false;
  posted.push(() => {
    if (!cancelled) callback();
  });
  port.postMessage(null);
  return () => {
    cancelled = true;
  };
}

/** Resolves in a task of its own, after the current one. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => postTask(resolve));
}

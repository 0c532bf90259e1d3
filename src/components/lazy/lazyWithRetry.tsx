import {
  lazy,
  useState,
  type ComponentProps,
  type ComponentType,
  type LazyExoticComponent,
} from 'react';

/** Loads that failed since the last "Try again", each able to start afresh. */
const failedLoads = new Set<() => void>();

/**
 * Lets every failed load start afresh on its next render: a section boundary's "Try again" calls
 * this before it mounts its section again.
 */
export function retryFailedLoads(): void {
  const resets = [...failedLoads];
  failedLoads.clear();
  for (const reset of resets) reset();
}

/** A component from lazyWithRetry. */
export type LazyWithRetryComponent<P> = ComponentType<P> & {
  /**
   * Starts the load (once, like rendering does) and settles when it has: a component rendered
   * after that mounts at once, without suspending.
   */
  preload: () => Promise<unknown>;
};

/**
 * React.lazy that can load again. React.lazy keeps a failed import's error for good, so "Try
 * again" after a chunk failed to arrive (a flaky network, a deploy mid-visit) showed the same
 * error without asking the network. Here a failed load is replaced, on `retryFailedLoads`, by a
 * fresh React.lazy that imports again; until then the error stays, so the section says what
 * happened instead of retrying behind the learner's back.
 */
// `any` as in React.lazy's own signature: a component of any props, whose props the result keeps.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyWithRetry<T extends ComponentType<any>>(
  load: () => Promise<{ default: T }>,
): LazyWithRetryComponent<ComponentProps<T>> {
  let current: LazyExoticComponent<T>;
  let pending: Promise<{ default: T }> | undefined;
  let loaded: T | undefined;
  const loadOnce = () => {
    pending ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        failedLoads.add(start);
        throw error;
      },
    );
    return pending;
  };
  const start = () => {
    pending = undefined;
    current = lazy(loadOnce);
  };
  start();
  function LazyWithRetry(props: ComponentProps<T>) {
    // Once loaded, a new instance renders the component itself: React.lazy suspends on its first
    // render even then, and React's retry of a suspended boundary waits behind every transition.
    // An instance keeps the type it started with, which a change would remount.
    const [{ Type }] = useState(() => ({ Type: loaded ?? current }));
    return <Type {...props} />;
  }
  return Object.assign(LazyWithRetry, { preload: loadOnce });
}

import { lazy, type ComponentProps, type ComponentType, type LazyExoticComponent } from 'react';

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
): ComponentType<ComponentProps<T>> {
  let current: LazyExoticComponent<T>;
  const start = () => {
    current = lazy(() =>
      load().catch((error: unknown) => {
        failedLoads.add(start);
        throw error;
      }),
    );
  };
  start();
  function LazyWithRetry(props: ComponentProps<T>) {
    const Loaded = current;
    return <Loaded {...props} />;
  }
  return LazyWithRetry;
}

import { startTransition, useEffect, useRef, useState } from 'react';
import type { StoreApi, UseBoundStore } from 'zustand';

/**
 * The hook of `store` with its updates rendered as a transition, not synchronously: React builds
 * the new rows, checks or strips in slices between which the page answers input and draws frames,
 * instead of in one task (zustand's own hook, useSyncExternalStore, always renders at once). For a
 * store whose readers can show the previous state for a moment, such as a catching-up copy of the
 * traces (shownTraces.ts). The store's methods are the store's own.
 */
export function inTransition<S>(store: StoreApi<S>): UseBoundStore<StoreApi<S>> {
  function useInTransition<U>(selector?: (state: S) => U): S | U {
    const [state, setState] = useState(store.getState);
    const rendered = useRef(state);
    rendered.current = state;
    useEffect(() => {
      const follow = (next: S) => startTransition(() => setState(next));
      const unsubscribe = store.subscribe(follow);
      // An update between this render and the subscription is not lost.
      if (store.getState() !== rendered.current) follow(store.getState());
      return unsubscribe;
    }, []);
    return selector === undefined ? state : selector(state);
  }
  return Object.assign(useInTransition, store) as UseBoundStore<StoreApi<S>>;
}

import { startTransition, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { buildInTurn } from './whenIdle';

/**
 * Renders `children` (a lazyWithRetry section) once the browser is idle after load, and
 * `placeholder` until then: the first screen's script stays small, the rest follows unasked, one
 * part at a time (buildInTurn). `load` (the lazy component's preload) is awaited with the
 * placeholder still shown, so the part then renders without suspending and commits on its own:
 * React reveals suspended boundaries together, and five sections revealed at once were one long
 * task. `first` puts this part before the others (the playground, which is on the first screen).
 */
export function AfterIdle({
  children,
  placeholder,
  load,
  first = false,
}: {
  children: ReactNode;
  placeholder: ReactNode;
  load: () => Promise<unknown>;
  first?: boolean;
}) {
  const [ready, setReady] = useState(false);
  // Settles this part's turn once its first render is on the page (or it has gone).
  const settle = useRef<(() => void) | null>(null);
  useEffect(() => {
    let live = true;
    const cancel = buildInTurn(async () => {
      // A failed load is rendered too: the lazy part then throws it to the section's boundary.
      await load().catch(() => undefined);
      if (!live) return;
      await new Promise<void>((resolve) => {
        settle.current = resolve;
        // A transition: React builds the part in slices and answers input in between.
        startTransition(() => setReady(true));
      });
    }, first);
    return () => {
      live = false;
      cancel();
      settle.current?.();
    };
  }, [load, first]);
  useEffect(() => {
    if (ready) settle.current?.();
  }, [ready]);
  return ready ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}

import { startTransition, Suspense, useEffect, useState, type ReactNode } from 'react';
import { whenIdle } from './whenIdle';

/**
 * Renders `children` (typically a React.lazy section) once the browser is idle after load, and
 * `placeholder` until then: the first screen's script stays small, the rest follows unasked, one
 * section per idle moment.
 */
export function AfterIdle({
  children,
  placeholder,
}: {
  children: ReactNode;
  placeholder: ReactNode;
}) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void whenIdle().then(() => {
      // A transition: React builds the section in slices and answers input in between.
      if (live) startTransition(() => setReady(true));
    });
    return () => {
      live = false;
    };
  }, []);
  return ready ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}

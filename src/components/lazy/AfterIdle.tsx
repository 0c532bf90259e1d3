import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { whenIdle } from './whenIdle';

/**
 * Renders `children` (typically a React.lazy section) once the browser is idle after load, and
 * `placeholder` until then: the first screen's script stays small, the rest follows unasked.
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
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return ready ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}

import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/** How far below (or above) the viewport a placeholder starts loading what it stands for. */
const NEAR_MARGIN = '600px 0px';

/**
 * Shows `placeholder` until it comes within NEAR_MARGIN of the viewport or gets keyboard focus,
 * then `children(focused)`: heavy parts (the code editor) load only for learners who go there.
 * `focused` says the learner was in the placeholder, so the real thing should take the focus.
 * `load` (a lazy component's preload) is awaited with the placeholder still shown, and the
 * children then come as an update of their own, not as React's retry of a suspended boundary:
 * that waits behind every transition (the sections loading after idle), and on a slow machine a
 * learner who had just picked a challenge waited seconds for an editor whose code had arrived.
 */
export function WhenNear({
  children,
  placeholder,
  load,
}: {
  children: (focused: boolean) => ReactNode;
  placeholder: ReactNode;
  load?: () => Promise<unknown>;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState<'no' | 'scrolled' | 'focused'>('no');
  const [loaded, setLoaded] = useState(load === undefined);
  useEffect(() => {
    if (near === 'no' || loaded || load === undefined) return;
    let live = true;
    // A failed load is shown too: the children's lazy part then throws it to the section's
    // boundary, as without `load`.
    const show = () => {
      if (live) setLoaded(true);
    };
    load().then(show, show);
    return () => {
      live = false;
    };
  }, [near, loaded, load]);
  useEffect(() => {
    const host = hostRef.current;
    if (host === null || near !== 'no') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear('scrolled');
      },
      { rootMargin: NEAR_MARGIN },
    );
    observer.observe(host);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div
      ref={hostRef}
      onFocus={() => {
        if (near === 'no') setNear('focused');
      }}
    >
      {near === 'no' || !loaded ? (
        placeholder
      ) : (
        <Suspense fallback={placeholder}>{children(near === 'focused')}</Suspense>
      )}
    </div>
  );
}

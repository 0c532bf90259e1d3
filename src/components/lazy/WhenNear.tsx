import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/** How far below (or above) the viewport a placeholder starts loading what it stands for. */
const NEAR_MARGIN = '600px 0px';

/**
 * Shows `placeholder` until it comes within NEAR_MARGIN of the viewport or gets keyboard focus,
 * then `children(focused)`: heavy parts (the code editor) load only for learners who go there.
 * `focused` says the learner was in the placeholder, so the real thing should take the focus.
 */
export function WhenNear({
  children,
  placeholder,
}: {
  children: (focused: boolean) => ReactNode;
  placeholder: ReactNode;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState<'no' | 'scrolled' | 'focused'>('no');
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
      {near === 'no' ? (
        placeholder
      ) : (
        <Suspense fallback={placeholder}>{children(near === 'focused')}</Suspense>
      )}
    </div>
  );
}

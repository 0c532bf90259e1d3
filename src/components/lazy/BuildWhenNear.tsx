import {
  startTransition,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { whenIdleAfterFirst } from './whenIdle';

/**
 * How far from the viewport a section is built: two screens above and below (a percentage is of
 * the viewport's height), so a learner scrolling down finds it built before it comes into view.
 */
export const BUILD_MARGIN = '200% 0px';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Where keyboard focus came from when it reached the placeholder. */
type Reached = 'no' | 'near' | 'focus-forward' | 'focus-backward';

/**
 * A section below the first screen. Its chunk (`load`) is fetched once the browser is idle after
 * the first screen's parts have started (fetch and module evaluation, nothing rendered). The section itself (`children`) is built when it comes
 * within BUILD_MARGIN of the viewport, when keyboard focus reaches its placeholder (which then
 * hands the focus on to the section's first control, or its last one for Shift+Tab), or at once
 * on a page opened at a hash: the learner lands in the lesson, not at its top. Until then the
 * placeholder holds the place (its CSS gives it a height, so little moves when the section comes).
 */
export function BuildWhenNear({
  children,
  what,
  load,
}: {
  children: ReactNode;
  /** What the placeholder stands for: "the quiz". */
  what: string;
  load: () => Promise<unknown>;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [reached, setReached] = useState<Reached>(() =>
    window.location.hash === '' ? 'no' : 'near',
  );
  const [loaded, setLoaded] = useState(false);

  // The chunk: at idle, or at once when the section is wanted sooner.
  useEffect(() => {
    let live = true;
    const show = () => {
      // A failed load is shown too: the section's lazy part then throws it to its boundary.
      if (live) startTransition(() => setLoaded(true));
    };
    const start = () => {
      if (live) void load().then(show, show);
    };
    if (reached === 'no') void whenIdleAfterFirst().then(start);
    else start();
    return () => {
      live = false;
    };
  }, [reached, load]);

  useEffect(() => {
    const host = hostRef.current;
    if (host === null || reached !== 'no') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) startTransition(() => setReached('near'));
      },
      { rootMargin: BUILD_MARGIN },
    );
    // Chromium reports nothing for an element inside a section whose contents it skips
    // (`content-visibility: auto`, lesson.css): the section itself is watched.
    observer.observe(host.closest('section') ?? host);
    return () => observer.disconnect();
  }, [reached]);

  const built = reached !== 'no' && loaded;

  // The section around a placeholder is marked, so that CSS keeps it from being the scroll anchor
  // (lesson.css): when it is built, what the learner is looking at stays where it is. The mark
  // stays until the section has been laid out built: the browser picks its anchor at that layout.
  useLayoutEffect(() => {
    const host = hostRef.current;
    const section = host?.closest('section');
    if (host === null || section === null || section === undefined) return;
    if (!built) {
      section.setAttribute('data-unbuilt', '');
      return;
    }
    const laidOut = new ResizeObserver(() => {
      section.removeAttribute('data-unbuilt');
      laidOut.disconnect();
    });
    laidOut.observe(host);
    return () => laidOut.disconnect();
  }, [built]);

  // Focus that reached the placeholder goes on into the section once it is there.
  useEffect(() => {
    const host = hostRef.current;
    if (!built || host === null || (reached !== 'focus-forward' && reached !== 'focus-backward'))
      return;
    if (!host.contains(document.activeElement) && document.activeElement !== document.body) return;
    const targets = host.querySelectorAll<HTMLElement>(FOCUSABLE);
    const target = reached === 'focus-forward' ? targets[0] : targets[targets.length - 1];
    (target ?? host).focus();
  }, [built, reached]);

  return (
    <div ref={hostRef} tabIndex={-1} className="build-when-near">
      {built ? (
        children
      ) : (
        <p
          className="build-when-near__placeholder"
          role="status"
          // Tab stops here, so a keyboard learner reaches the section even before it is built.
          tabIndex={0}
          onFocus={(event) => {
            if (reached !== 'no' && reached !== 'near') return;
            const from = event.relatedTarget;
            const backward =
              from instanceof Node &&
              (event.currentTarget.compareDocumentPosition(from) &
                Node.DOCUMENT_POSITION_FOLLOWING) !==
                0;
            setReached(backward ? 'focus-backward' : 'focus-forward');
          }}
        >
          Loading {what}…
        </p>
      )}
    </div>
  );
}

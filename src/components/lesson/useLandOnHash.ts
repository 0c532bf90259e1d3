import { useEffect } from 'react';
import { hashTarget } from './hashTarget';

/**
 * Opening the page at `#challenge` (or any section or term) lands there. The browser tries that
 * jump when the HTML arrives, before React has drawn the lesson, finds nothing and stays at the
 * top; this repeats it once the page exists.
 */
export function useLandOnHash(): void {
  useEffect(() => {
    const id = hashTarget(window.location.hash);
    if (id === '') return;
    const frame = requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView());
    return () => cancelAnimationFrame(frame);
  }, []);
}

import { useCallback, useEffect, useRef } from 'react';
import { useAppStore } from '../../../store';
import type { Selection } from '../../../store/selectionSlice';
import { EXPLANATION_ID } from './explanationId';
import { NodeExplanationView } from './NodeExplanationView';
import { RequestExplanation } from './RequestExplanation';
import './explanation.css';

/** One string per request or node, so the panel notices when another one is opened. */
function selectionKey(selection: Selection): string {
  switch (selection.kind) {
    case 'request':
      return `request ${selection.id}`;
    case 'stage':
      return `stage ${selection.stage}`;
    case 'client':
      return `client ${selection.clientId}`;
    case 'service':
      return `service ${selection.service}`;
  }
}

/** True when the top of `element` shows, a good part of it, in every box that scrolls it. */
function topInView(element: HTMLElement): boolean {
  const top = element.getBoundingClientRect().top;
  let low = 0;
  let high = window.innerHeight;
  for (let box = element.parentElement; box !== null; box = box.parentElement) {
    const overflow = getComputedStyle(box).overflowY;
    if (overflow !== 'auto' && overflow !== 'scroll') continue;
    const rect = box.getBoundingClientRect();
    low = Math.max(low, rect.top);
    high = Math.min(high, rect.bottom);
  }
  return top >= low && top <= high - Math.min(160, (high - low) / 3);
}

/** Where Escape closes the panel: in it, on the graph, or on a control that opened it. */
const ESCAPE_SCOPE = `.graph-figure, .request-log, [aria-controls="${EXPLANATION_ID}"]`;

/**
 * Under the graph, never over it: the explanation of what was clicked, a packet or a log row
 * (one request) or a node (what it does and has decided so far). Opening moves focus to its
 * heading; Close or Escape closes it and gives focus back to the control that opened it.
 */
export function Explanation() {
  const selection = useAppStore((s) => s.selection);
  const panelRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const key = selection === null ? null : selectionKey(selection);

  const close = useCallback(() => {
    // The control shown as open (a node, a log row's button) if the one that opened it is gone.
    const expanded = document.querySelector<HTMLElement>(
      `[aria-controls="${EXPLANATION_ID}"][aria-expanded="true"]`,
    );
    const opener = openerRef.current?.isConnected === true ? openerRef.current : expanded;
    useAppStore.getState().select(null);
    opener?.focus();
  }, []);

  useEffect(() => {
    const panel = panelRef.current;
    if (key === null || panel === null) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !panel.contains(active))
      openerRef.current = active;
    panel.querySelector<HTMLElement>('h4')?.focus({ preventScroll: true });
    // Opened from the graph, it shows just below: the graph stays where it is. Opened from the
    // log, far below, the panel is brought into view.
    if (!topInView(panel)) panel.scrollIntoView({ block: 'nearest' });
  }, [key]);

  useEffect(() => {
    if (key === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !(event.target instanceof Element)) return;
      if (event.target.closest(ESCAPE_SCOPE) === null) return;
      event.preventDefault();
      close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, close]);

  if (selection === null) return null;
  return (
    <div ref={panelRef} id={EXPLANATION_ID} className="explanation">
      {selection.kind === 'request' ? (
        <RequestExplanation id={selection.id} among={selection.among} onClose={close} />
      ) : (
        <NodeExplanationView selection={selection} onClose={close} />
      )}
    </div>
  );
}

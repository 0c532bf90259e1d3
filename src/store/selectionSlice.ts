import type { StateCreator } from 'zustand';
import type { StageName } from '../engine';
import type { AppState } from './index';

/**
 * What the learner asked to have explained: one request (from its packet or its log row) or one
 * node of the graph. Requests are named by id: ids restart at 1 after a Reset, so a Reset (and
 * anything else that replaces the run's requests) clears a request selection.
 */
export type Selection =
  | {
      readonly kind: 'request';
      readonly id: number;
      /** How many requests the clicked packet stood for (1 for a log row). */
      readonly among: number;
    }
  | { readonly kind: 'stage'; readonly stage: StageName }
  | { readonly kind: 'client'; readonly clientId: string }
  | { readonly kind: 'service'; readonly service: string };

/** One selection shared by the graph and the request log. */
export interface SelectionSlice {
  selection: Selection | null;
  /** Opens the explanation of `selection`, or closes it with null. */
  select: (selection: Selection | null) => void;
  /** Opens request `id` (or closes it if it is the one open): a log row's click. */
  toggleRequest: (id: number) => void;
}

/** True when `a` and `b` name the same request or node. */
export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  if (a === null || b === null) return a === b;
  switch (a.kind) {
    case 'request':
      return b.kind === 'request' && a.id === b.id;
    case 'stage':
      return b.kind === 'stage' && a.stage === b.stage;
    case 'client':
      return b.kind === 'client' && a.clientId === b.clientId;
    case 'service':
      return b.kind === 'service' && a.service === b.service;
  }
}

/** The selection that survives a new run of requests: nodes stay, a request goes. */
export function withoutRequest(selection: Selection | null): Selection | null {
  return selection?.kind === 'request' ? null : selection;
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selection: null,
  select: (selection) => set({ selection }),
  toggleRequest: (id) => {
    const open = get().selection;
    set({
      selection:
        open?.kind === 'request' && open.id === id ? null : { kind: 'request', id, among: 1 },
    });
  },
});

import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export type Spacing = 'burst' | 'spread';

/** The methods the form offers: a GET can be cached, a POST never is. */
export const FORM_METHODS = ['GET', 'POST'] as const;
export type FormMethod = (typeof FORM_METHODS)[number];

/** The "Send requests" form as typed (not yet parsed), so a shared link can carry it. */
export interface TrafficForm {
  readonly clientId: string;
  readonly method: FormMethod;
  readonly path: string;
  readonly count: string;
  readonly spacing: Spacing;
  readonly rate: string;
}

export const DEFAULT_TRAFFIC_FORM: TrafficForm = {
  clientId: 'mobile',
  method: 'GET',
  path: '/api/users',
  count: '6',
  spacing: 'burst',
  rate: '2',
};

export interface TrafficFormSlice {
  trafficForm: TrafficForm;
  setTrafficForm: (change: Partial<TrafficForm>) => void;
}

export const createTrafficFormSlice: StateCreator<AppState, [], [], TrafficFormSlice> = (
  set,
  get,
) => ({
  trafficForm: DEFAULT_TRAFFIC_FORM,
  setTrafficForm: (change) => set({ trafficForm: { ...get().trafficForm, ...change } }),
});

import { create } from 'zustand';
import { createPlaygroundSlice, type PlaygroundSlice } from './playgroundSlice';

/** The whole app state: one store made of typed slices. */
export type AppState = PlaygroundSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createPlaygroundSlice(...a),
}));

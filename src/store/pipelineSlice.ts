import type { StateCreator } from 'zustand';
import { SettingError } from '../engine';
import type { AppState } from './index';
import {
  applyPipeline,
  downInstancesOf,
  PIPELINE_OFF,
  pipelineProblem,
  type PipelineConfig,
} from './pipeline';

/** The playground's optional stages and its instances, edited through recorded actions. */
export interface PipelineSlice {
  /** The optional stages as the gateway runs them now. */
  pipeline: PipelineConfig;
  /** Instances taken down by hand, by name (e.g. `user-service-2`). */
  downInstances: readonly string[];
  /** Applies a whole config; returns the problem (nothing applied), or null when applied. */
  applyPipelineConfig: (config: PipelineConfig) => SettingError | null;
  /** Takes instance `index` (0-based) of `service` down, or brings it back up. */
  setInstanceDown: (service: string, index: number, down: boolean) => SettingError | null;
}

export const createPipelineSlice: StateCreator<AppState, [], [], PipelineSlice> = (set, get) => ({
  pipeline: PIPELINE_OFF,
  downInstances: [],

  applyPipelineConfig: (config) => {
    const problem = pipelineProblem(config);
    if (problem !== null) return problem;
    const { gateway } = get();
    applyPipeline(gateway, config);
    // Fewer instances forget the ones that went: the down list follows the gateway.
    set({ pipeline: config, downInstances: downInstancesOf(gateway) });
    get().recordAction({ kind: 'pipeline', pipeline: config });
    return null;
  },

  setInstanceDown: (service, index, down) => {
    const { gateway } = get();
    try {
      gateway.upstreams.setDown(service, index, down);
    } catch (error) {
      if (error instanceof SettingError) return error;
      throw error;
    }
    set({ downInstances: downInstancesOf(gateway) });
    get().recordAction({ kind: 'instance', service, index, down });
    return null;
  },
});

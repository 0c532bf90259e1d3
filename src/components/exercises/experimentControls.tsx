import type { ComponentType } from 'react';
import type { StoreApi } from 'zustand';
import type { ExperimentControlName } from '../../content/experiments';
import type { AppState } from '../../store';
import { BurstPrediction } from './BurstPrediction';
import { ReplicaPrediction } from './ReplicaPrediction';
import { ProfileCompare } from './ProfileCompare';
import { RouteEditor } from './RouteEditor';
import { RouteLookupCell } from './RouteLookupCell';
import { restoreBuiltInLookup } from './routeLookupPreparer';

/** A control an experiment names in its data, and what "Reset this experiment" also undoes. */
export interface ExperimentControl {
  readonly Component: ComponentType;
  readonly onReset?: (store: StoreApi<AppState>) => void;
}

/**
 * The one registry of experiment controls. The type makes every name in the content have a
 * component; an experiment without a control needs nothing here.
 */
export const EXPERIMENT_CONTROLS: Readonly<Record<ExperimentControlName, ExperimentControl>> = {
  'burst-prediction': {
    Component: BurstPrediction,
    onReset: (store) => store.getState().setBurstPrediction(null),
  },
  'route-editor': { Component: RouteEditor },
  'route-lookup': { Component: RouteLookupCell, onReset: restoreBuiltInLookup },
  'replica-prediction': {
    Component: ReplicaPrediction,
    onReset: (store) => store.getState().setReplicaPrediction(null),
  },
  'profile-compare': {
    Component: ProfileCompare,
    onReset: (store) => store.getState().setProfilePrediction(null),
  },
};

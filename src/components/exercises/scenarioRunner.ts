import type { StoreApi } from 'zustand';
import { burst } from '../../engine';
import {
  acrossAMinute,
  LEAD_MS,
  nextMinuteAfter,
  type PlaygroundAction,
  type PlaygroundScenario,
} from '../../content/playgroundScript';
import { clientById } from '../../content/services';
import type { AppState } from '../../store';
import { PIPELINE_OFF } from '../../store/pipeline';
import {
  applyLearnerLookup,
  restoreBuiltInLookup,
  type RouteLookupRunner,
} from './routeLookupPreparer';

type AppStore = StoreApi<AppState>;

/** Tells the learner why their limiter stopped when a scenario took over the playground. */
const LIMITER_OFF_NOTE =
  'Switched back to the built-in limiter to set up an experiment’s scenario.';

/**
 * "Set up this scenario": the playground as the scenario says (settings, routes, the built-in
 * lookup and limiter, and with `freshLog` an empty log at t = 0). Returns a problem in words, or
 * null. Everything goes through store actions, so a test can run it on a fresh store.
 */
export function setUpScenario(store: AppStore, scenario: PlaygroundScenario): string | null {
  const state = store.getState();
  restoreBuiltInLookup(store);
  for (const name of state.preparers.keys()) state.setPreparer(name, null);
  state.setLimiterOverride(null);
  if (state.learnerLimiter.active)
    state.setLearnerLimiter({ active: false, note: LIMITER_OFF_NOTE });
  const profileProblem = state.setProfile(scenario.profile ?? 'lesson');
  if (profileProblem !== null) return profileProblem.message;
  const settingsProblem = state.applySettings(scenario.settings);
  if (settingsProblem !== null) return settingsProblem.message;
  const routesProblem = state.replaceRoutes(scenario.routes);
  if (routesProblem !== null) return routesProblem.message;
  const pipeline = scenario.pipeline ?? PIPELINE_OFF;
  if (JSON.stringify(pipeline) !== JSON.stringify(state.pipeline)) {
    const pipelineProblem = state.applyPipelineConfig(pipeline);
    if (pipelineProblem !== null) return pipelineProblem.message;
  }
  if (scenario.freshLog) store.getState().resetAll();
  return null;
}

/** What playing a script needs besides the store: how learner-style lookups are run. */
export interface ScriptRuntime {
  readonly runLookup?: RouteLookupRunner;
}

/**
 * Plays `actions` on the playground as a learner would through the page's controls; sends are
 * played (animated) like "Send burst". Returns the first problem in words, or null.
 */
export async function playActions(
  store: AppStore,
  actions: readonly PlaygroundAction[],
  runtime: ScriptRuntime = {},
): Promise<string | null> {
  for (const action of actions) {
    const state = store.getState();
    switch (action.kind) {
      case 'predict':
        state.setBurstPrediction(action.requestNumber);
        break;
      case 'predict-replicas':
        state.setReplicaPrediction({ local: action.local, shared: action.shared });
        break;
      case 'add-route': {
        const problem = state.addRoute(action.route);
        if (problem !== null) return problem.message;
        break;
      }
      case 'use-lookup': {
        state.setLookupDraft(action.source);
        await applyLearnerLookup(store, action.source, runtime.runLookup);
        const status = store.getState().routeLookup;
        if (status.mode === 'failed') return status.message;
        break;
      }
      case 'predict-passes':
        state.setProfilePrediction(action.count);
        break;
      case 'use-profile': {
        // Requests already sent are decided under the rules they were sent under.
        state.settleNow();
        const problem = store.getState().setProfile(action.profile);
        if (problem !== null) return problem.message;
        break;
      }
      case 'send-across-minute': {
        // Nothing happens before the traffic: the clock skips ahead to it rather than play a minute.
        state.settleNow();
        const boundaryMs = nextMinuteAfter(store.getState().clockMs);
        store.getState().advanceClock(boundaryMs - LEAD_MS);
        await store
          .getState()
          .sendAndPlay(acrossAMinute(boundaryMs, clientById('mobile'), clientById('script')));
        break;
      }
      case 'send': {
        const client = clientById(action.clientId);
        const template = {
          clientId: client.id,
          apiKey: client.apiKey,
          path: action.path,
          ...(action.method === undefined ? {} : { method: action.method }),
        };
        await state.sendAndPlay(burst(template, action.count, store.getState().clockMs));
        break;
      }
      case 'instance': {
        const problem = state.setInstanceDown(action.service, action.index, action.down);
        if (problem !== null) return problem.message;
        break;
      }
      case 'settle':
        state.settleNow();
        break;
    }
  }
  return null;
}

/** "Show me": the scenario, then the reference solution played on it. */
export async function showSolution(
  store: AppStore,
  experiment: { scenario: PlaygroundScenario; solution: readonly PlaygroundAction[] },
  runtime: ScriptRuntime = {},
): Promise<string | null> {
  return (
    setUpScenario(store, experiment.scenario) ?? playActions(store, experiment.solution, runtime)
  );
}

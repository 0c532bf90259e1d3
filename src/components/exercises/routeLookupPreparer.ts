import type { StoreApi } from 'zustand';
import type { Route } from '../../engine';
import {
  boundaryMistake,
  probePaths,
  returnedValueMistake,
  type LookupAnswers,
} from '../../content/lookupAnswers';
import { runRouteLookup, type SandboxError } from '../../sandbox';
import type { AppState } from '../../store';
import {
  learnerRouteLookup,
  routesAsTable,
  unansweredPaths,
  type RouteRecorder,
} from './learnerLookup';

export const PREPARER_NAME = 'route-lookup';

/** Runs `findRoute` source over paths (the sandbox worker on the page; tests pass their own). */
export type RouteLookupRunner = (
  source: string,
  routes: Record<string, string>,
  paths: string[],
) => Promise<
  { ok: true; results: Record<string, string | null> } | { ok: false; error: SandboxError }
>;

type AppStore = StoreApi<AppState>;

/**
 * Routes produced by the learner's lookup, each with what the probe found wrong with the lookup
 * that produced it (null: nothing). The experiment's check looks for these in the log.
 */
const learnerRoutes = new WeakMap<Route, string | null>();

/** The problem of the learner's lookup that produced `route`; undefined when it was not theirs. */
export function learnerLookupProblem(route: Route): string | null | undefined {
  return learnerRoutes.get(route);
}

/** Records the routes a lookup produces with that lookup's problem as of now. */
function producedWith(problem: string | null): RouteRecorder {
  return { add: (route) => learnerRoutes.set(route, problem) };
}

/** A sandbox failure as a sentence for the learner. */
export function describeSandboxError(error: SandboxError): string {
  const where =
    error.line === undefined
      ? ''
      : ` (line ${error.line}${error.column === undefined ? '' : `, column ${error.column}`})`;
  return `${error.kind === 'timeout' ? 'Too slow' : `${error.kind} error`}${where}: ${error.message}`;
}

/** Back to the gateway's own lookup: no preparer, no replacement lookup. */
export function restoreBuiltInLookup(store: AppStore): void {
  const { setPreparer, setRouteLookup, setRouteLookupStatus } = store.getState();
  setPreparer(PREPARER_NAME, null);
  setRouteLookup(null);
  setRouteLookupStatus({ mode: 'built-in' });
}

/** Switches back to the built-in lookup and says why, in the status the cell shows. */
function fail(store: AppStore, message: string): void {
  restoreBuiltInLookup(store);
  store.getState().setRouteLookupStatus({ mode: 'failed', message });
}

/** Asks the runner for `paths` and records the answers; a failure or a wrong value is a message. */
async function answer(
  run: RouteLookupRunner,
  source: string,
  routes: readonly Route[],
  paths: readonly string[],
  answers: Map<string, string | null>,
): Promise<string | null> {
  if (paths.length === 0) return null;
  const outcome = await run(source, routesAsTable(routes), [...paths]);
  if (!outcome.ok) return describeSandboxError(outcome.error);
  const fresh = new Map(paths.map((path) => [path, outcome.results[path] ?? null] as const));
  const mistake = returnedValueMistake(routes, fresh);
  if (mistake !== null) return `Your lookup was not used: ${mistake}`;
  for (const [path, url] of fresh) answers.set(path, url);
  return null;
}

/** The status after answers for a table: the learner's lookup, with what the probe found. */
function learnerStatus(routes: readonly Route[], answers: LookupAnswers) {
  return { mode: 'learner', problem: boundaryMistake(routes, answers) } as const;
}

/** The problem the status holds for the learner's lookup in use. */
function currentProblem(store: AppStore): string | null {
  const status = store.getState().routeLookup;
  return status.mode === 'learner' ? status.problem : null;
}

/**
 * Routes the playground with the learner's `findRoute`. It is first probed on paths that show a
 * missing "/" boundary; a syntax error, a crash or a returned value that is not a service URL
 * keeps the built-in lookup and says why. Then, before each send, the distinct paths of the
 * coming (and still queued) traffic are resolved by `run`, answers cached until the routing
 * table changes (when the probe runs again).
 */
export async function applyLearnerLookup(
  store: AppStore,
  source: string,
  run: RouteLookupRunner = runRouteLookup,
): Promise<void> {
  store.getState().setRouteLookupStatus({ mode: 'checking' });
  const answers = new Map<string, string | null>();
  let answeredFor = JSON.stringify(routesAsTable(store.getState().routes));
  const first = store.getState().routes;
  const problem = await answer(run, source, first, probePaths(first), answers);
  if (problem !== null) {
    fail(store, problem);
    return;
  }
  store.getState().setRouteLookupStatus(learnerStatus(first, answers));
  store.getState().setPreparer(PREPARER_NAME, {
    async prepare(traffic, pending) {
      const { routes, setRouteLookup, setRouteLookupStatus } = store.getState();
      const signature = JSON.stringify(routesAsTable(routes));
      const tableChanged = signature !== answeredFor;
      if (tableChanged) {
        answers.clear();
        answeredFor = signature;
      }
      const paths = unansweredPaths([...pending, ...traffic], answers);
      const probe = tableChanged ? probePaths(routes).filter((p) => !paths.includes(p)) : [];
      const failure = await answer(run, source, routes, [...paths, ...probe], answers);
      if (failure !== null) {
        // The traffic still goes out, routed by the built-in lookup.
        fail(store, failure);
        return;
      }
      if (tableChanged) setRouteLookupStatus(learnerStatus(routes, answers));
      setRouteLookup(learnerRouteLookup(answers, routes, producedWith(currentProblem(store))));
    },
  });
  store
    .getState()
    .setRouteLookup(learnerRouteLookup(answers, first, producedWith(currentProblem(store))));
}

import type { Route } from '../../engine';
import { runRouteLookup, type SandboxError } from '../../sandbox';
import { useAppStore } from '../../store';
import { learnerRouteLookup, routesAsTable, unansweredPaths } from './learnerLookup';

export const PREPARER_NAME = 'route-lookup';

/** Routes produced by the learner's lookup: the experiment's check looks for these in the log. */
const learnerRoutes = new WeakSet<Route>();

export function isLearnerRoute(route: Route): boolean {
  return learnerRoutes.has(route);
}

/** Back to the gateway's own lookup: no preparer, no replacement lookup. */
export function restoreBuiltInLookup(): void {
  const { setPreparer, setRouteLookup } = useAppStore.getState();
  setPreparer(PREPARER_NAME, null);
  setRouteLookup(null);
}

/**
 * Routes the playground with the learner's `findRoute`: before each send, the distinct paths of
 * the coming (and still queued) traffic are resolved in the sandbox worker, answers cached until
 * the routing table changes. A failure switches back to the built-in lookup and calls `onError`,
 * and the traffic still goes out.
 */
export function installLearnerLookup(source: string, onError: (error: SandboxError) => void): void {
  const answers = new Map<string, string | null>();
  let answeredFor = '';
  const { setPreparer } = useAppStore.getState();
  setPreparer(PREPARER_NAME, {
    async prepare(traffic, pending) {
      const { routes, setRouteLookup } = useAppStore.getState();
      const table = routesAsTable(routes);
      const signature = JSON.stringify(table);
      if (signature !== answeredFor) {
        answers.clear();
        answeredFor = signature;
      }
      const paths = unansweredPaths([...pending, ...traffic], answers);
      if (paths.length > 0) {
        const outcome = await runRouteLookup(source, table, paths);
        if (!outcome.ok) {
          restoreBuiltInLookup();
          onError(outcome.error);
          return;
        }
        for (const path of paths) answers.set(path, outcome.results[path] ?? null);
      }
      setRouteLookup(learnerRouteLookup(answers, routes, learnerRoutes));
    },
  });
}

/** Runs the learner's code once on sample paths, to report syntax and runtime errors at Apply. */
export async function tryLookup(source: string): Promise<SandboxError | null> {
  const table = routesAsTable(useAppStore.getState().routes);
  const outcome = await runRouteLookup(source, table, ['/api/users', '/api/users/123', '/nowhere']);
  return outcome.ok ? null : outcome.error;
}

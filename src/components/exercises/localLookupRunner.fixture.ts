import type { RouteLookupRunner } from './routeLookupPreparer';

/**
 * For tests in Node: the worker's job done in-process, evaluating `findRoute` over the paths. The
 * page never uses this; learner code runs only in the sandbox worker there.
 */
export const runLookupLocally: RouteLookupRunner = async (source, routes, paths) => {
  try {
    const findRoute = new Function(`${source}; return findRoute;`)() as (
      path: string,
      table: Record<string, string>,
    ) => string | null | undefined;
    return {
      ok: true,
      results: Object.fromEntries(paths.map((path) => [path, findRoute(path, routes) ?? null])),
    };
  } catch (error) {
    return { ok: false, error: { kind: 'runtime', message: String(error) } };
  }
};

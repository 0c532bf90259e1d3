import type { ChallengeContent } from '../../challenge/definitions/types';

const MODEL_SOLUTION = `function findRoute(path: string, routes: Record<string, string>): string | null {
  // The query string never takes part in matching.
  const queryAt = path.indexOf('?');
  const pathOnly = queryAt === -1 ? path : path.slice(0, queryAt);
  if (Object.hasOwn(routes, pathOnly)) return routes[pathOnly]!;
  let best: string | null = null;
  for (const prefix of Object.keys(routes)) {
    const base = prefix.length > 1 && prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
    // A prefix matches at a segment boundary: /api/users serves /api/users/7, not /api/usersX.
    const matches =
      base === '/'
        ? pathOnly.startsWith('/')
        : pathOnly.startsWith(base) &&
          (pathOnly.length === base.length || pathOnly[base.length] === '/');
    if (matches && (best === null || prefix.length > best.length)) best = prefix;
  }
  return best === null ? null : routes[best]!;
}`;

/** The prefix router challenge's text. */
export const PREFIX_ROUTER_CONTENT: ChallengeContent = {
  title: 'Prefix router',
  task: 'Write a function `findRoute(path, routes)` that picks the service for a request path. `routes` maps a path to a service URL, e.g. `{ "/api/users": "http://user-service:3001" }`. Return the URL of the chosen route, or `null` when none matches.',
  rules: [
    'The query string is ignored: `/api/users?page=2` is matched as `/api/users`.',
    'A key equal to the path wins first.',
    'Otherwise the longest key the path starts with at a segment boundary wins: `/api/users` serves `/api/users/7`, never `/api/usersX`. The key `/` serves every path.',
    'A key ending in `/` matches like the same key without it.',
    'No matching key: return `null`.',
  ],
  starterCode: `// Write a longest-prefix router.
// TypeScript or JavaScript both work; \`export\` is optional.
function findRoute(path: string, routes: Record<string, string>): string | null {
  return null; // TODO: exact key first, then the longest prefix at a segment boundary
}
`,
  modelSolution: MODEL_SOLUTION,
  modelExplanation: [
    'The query string is cut off first, so it can never make a route match or miss.',
    'An exact key is answered at once; otherwise every key is tried as a prefix and the longest match is kept, as nginx does for prefix locations.',
    'The segment-boundary check (the path ends there, or a `/` follows) is what keeps `/api/users` from serving `/api/usersX`.',
    'This is O(number of routes) per request; real gateways use a trie or a radix tree to make it O(path length).',
  ],
  editorLabel: 'Your findRoute code',
};

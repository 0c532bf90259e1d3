/** The challenge statement: a short task and the rules the grader checks, one per line. `Backticks` mark code. */
export const CHALLENGE_TASK =
  'Write a class `RateLimiter` that decides, request by request, whether a client is still under its limit. The constructor takes `maxRequests` and `windowMs` (the window length in milliseconds). `allowRequest(clientId, timestamp)` returns `true` when the request is allowed and `false` when the client has already had `maxRequests` allowed requests in the window that ends at `timestamp`.';

export const CHALLENGE_RULES: readonly string[] = [
  'Limits are per client: one client\u2019s requests never use up another\u2019s quota.',
  'The window is sliding: it covers the `windowMs` milliseconds before each request. A request exactly `windowMs` after an earlier one no longer counts that earlier one.',
  'A refused request is not recorded: it does not use up quota.',
  'Use the timestamp you are given, never the clock (`Date.now`): the tests pass their own times.',
  'For each client, timestamps never decrease from one call to the next.',
];

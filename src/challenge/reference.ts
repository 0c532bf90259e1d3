import { SlidingWindowLimiter } from '../engine';
import type { LimiterCase } from './types';

/** The engine's sliding-window log is the reference: its decisions for a case, call by call. */
export function referenceDecisions(limiterCase: LimiterCase): boolean[] {
  const limiter = new SlidingWindowLimiter(limiterCase.maxRequests, limiterCase.windowMs);
  return limiterCase.calls.map((call) => limiter.allowRequest(call.clientId, call.timestampMs));
}

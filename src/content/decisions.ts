import type { RequestTrace, Route } from '../engine';

/**
 * How lesson content reads the engine's decisions. The engine's pipeline is opening up (stage
 * names become open strings, a stage may also "respond"), so content asks these few questions
 * here instead of reading decision fields all over: one place to adapt.
 */

/** Did the request reach the named stage (whatever that stage then said)? */
export function reachedStage(trace: RequestTrace, stage: string): boolean {
  return trace.decision.stages.some((record) => record.stage === stage);
}

/** Did the request go through no stage but `stage`? */
export function onlyStage(trace: RequestTrace, stage: string): boolean {
  return trace.decision.stages.every((record) => record.stage === stage);
}

/** The note the named stage left on the request, or null when it never ran. */
export function stageNote(trace: RequestTrace, stage: string): string | null {
  return trace.decision.stages.find((record) => record.stage === stage)?.note ?? null;
}

/** The stage that decided the outcome, or 'service' when the request was forwarded. */
export function decidedBy(trace: RequestTrace): string {
  return trace.decision.decidedBy;
}

/** Was the request refused by the named stage? */
export function refusedBy(trace: RequestTrace, stage: string): boolean {
  return trace.decision.decidedBy === stage;
}

/** The service that answered (short name, e.g. `user-service`), or null when none did. */
export function servedBy(trace: RequestTrace): string | null {
  return trace.decision.status === 200 ? trace.decision.service : null;
}

/** The route the request was forwarded by, or null. */
export function routeOf(trace: RequestTrace): Route | null {
  return trace.decision.route;
}

/** A response header the gateway set, or undefined. */
export function responseHeader(trace: RequestTrace, name: string): string | undefined {
  return trace.decision.headers[name];
}

/** The path of the route the request was forwarded by, or null. */
export function routePathOf(trace: RequestTrace): string | null {
  return routeOf(trace)?.path ?? null;
}

import { answerReplicaQuestion, REPLICA_EXPERIMENT, type ReplicaAnswer } from '../engine';
import type { CheckResult, ExperimentContext } from './experiments';

/** The experiment's id, shared by its entry in EXPERIMENTS and its control. */
export const SCALE_OUT_ID = 'scale-out';

/** The learner's two guesses: how many of the requests pass with local counters, and shared. */
export interface ReplicaPrediction {
  readonly local: number;
  readonly shared: number;
}

let answer: ReplicaAnswer | undefined;

/**
 * The engine's answer to the experiment's question, worked out once, when first asked: not while
 * the page's script is evaluated, where it lengthened the first long task of every visit.
 */
export function replicaAnswer(): ReplicaAnswer {
  answer ??= answerReplicaQuestion(REPLICA_EXPERIMENT);
  return answer;
}

/** The question in words, from the same data the engine answers. */
export const REPLICA_QUESTION_TEXT = (() => {
  const { requests, replicas, maxRequests, windowMs, gapMs, storeRoundTripMs } = REPLICA_EXPERIMENT;
  return (
    `${requests} requests from one client, ${gapMs} ms apart, reach ${replicas} gateway replicas ` +
    `behind a round-robin load balancer. The limit is ${maxRequests} per ${windowMs / 1000} s. ` +
    `How many pass when each replica counts on its own, and how many with one shared store ` +
    `(${storeRoundTripMs} ms away)?`
  );
})();

/** The experiment's check: both numbers predicted, compared with the engine's answer. */
export function checkReplicas({ replicaPrediction }: ExperimentContext): CheckResult {
  if (replicaPrediction === undefined || replicaPrediction === null) {
    return {
      done: false,
      started: false,
      feedback: 'Write down both numbers, then check them.',
    };
  }
  const { local, shared } = replicaAnswer();
  const { replicas, maxRequests, requests } = REPLICA_EXPERIMENT;
  const localRight = replicaPrediction.local === local.admitted;
  const sharedRight = replicaPrediction.shared === shared.admitted;
  const said = (guess: number, actual: number, what: string) =>
    guess === actual ? `${what}: ${actual}, as you said.` : `${what}: ${actual}, not ${guess}.`;
  return {
    done: true,
    started: true,
    predictionRight: localRight && sharedRight,
    feedback:
      `${said(replicaPrediction.local, local.admitted, 'Local counters')} Each replica saw a third ` +
      `of the ${requests} requests and let ${local.admittedPerReplica.join(', ')} through: up to ` +
      `${maxRequests} × ${replicas}. ${said(replicaPrediction.shared, shared.admitted, 'Shared store')} ` +
      `One count for all replicas holds the limit of ${maxRequests}.`,
  };
}

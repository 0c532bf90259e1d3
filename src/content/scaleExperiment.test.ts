import { describe, expect, it } from 'vitest';
import { answerReplicaQuestion, REPLICA_EXPERIMENT } from '../engine';
import { checkReplicas, REPLICA_QUESTION_TEXT } from './scaleExperiment';

const context = { traces: [], prediction: null, learnerLookupProblem: () => undefined };

describe('the scale-out experiment’s check', () => {
  const answer = answerReplicaQuestion(REPLICA_EXPERIMENT);

  it('waits for both numbers', () => {
    expect(checkReplicas({ ...context, replicaPrediction: null })).toMatchObject({
      done: false,
      started: false,
    });
    expect(checkReplicas(context).done).toBe(false);
  });

  it('is right only when both numbers are the engine’s', () => {
    const right = { local: answer.local.admitted, shared: answer.shared.admitted };
    const result = checkReplicas({ ...context, replicaPrediction: right });
    expect(result).toMatchObject({ done: true, predictionRight: true });
    expect(result.feedback).toContain(`Local counters: ${answer.local.admitted}, as you said.`);
    expect(result.feedback).toContain(answer.local.admittedPerReplica.join(', '));

    const wrong = checkReplicas({ ...context, replicaPrediction: { ...right, shared: 15 } });
    expect(wrong).toMatchObject({ done: true, predictionRight: false });
    expect(wrong.feedback).toContain(`Shared store: ${answer.shared.admitted}, not 15.`);
  });

  it('asks the question from the engine’s data', () => {
    expect(REPLICA_QUESTION_TEXT).toContain(`${REPLICA_EXPERIMENT.requests} requests`);
    expect(REPLICA_QUESTION_TEXT).toContain(`${REPLICA_EXPERIMENT.replicas} gateway replicas`);
  });
});

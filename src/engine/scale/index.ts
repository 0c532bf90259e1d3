/** Gateways at scale: replicas behind a load balancer, with local or shared rate-limit counters. */
export {
  REPLICA_EXPERIMENT,
  answerReplicaQuestion,
  type ReplicaAnswer,
  type ReplicaQuestion,
} from './experiment';
export {
  MAX_REPLICAS,
  runScale,
  type CounterPlacement,
  type LocalCounters,
  type ScaleRequest,
  type ScaleResult,
  type ScaleSettings,
  type SharedCounters,
  type StoreStrategy,
  type StoreTrip,
} from './replicas';

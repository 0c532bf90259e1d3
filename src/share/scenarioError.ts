/** Why a link could not be read, for the learner. */
export class ScenarioError extends Error {}

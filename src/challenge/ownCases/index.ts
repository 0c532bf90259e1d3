import type { ChallengeId } from '../../content/challenges';
import { PREFIX_ROUTER_FORM, SLIDING_WINDOW_FORM, TOKEN_BUCKET_FORM } from './forms';
import type { OwnCaseDraft, OwnCaseForm } from './types';

export * from './types';

/**
 * How the learner writes cases for each challenge. The page imports this (it is light: no grader,
 * no fast-check); each challenge's definition holds the same form, and a test checks they agree.
 */
export const OWN_CASE_FORMS: Readonly<Record<ChallengeId, OwnCaseForm<unknown>>> = {
  'sliding-window': SLIDING_WINDOW_FORM,
  'token-bucket': TOKEN_BUCKET_FORM,
  'prefix-router': PREFIX_ROUTER_FORM,
};

/** A new case for challenge `id`: each field's example, and no expected answers. */
export function newOwnCase(id: ChallengeId): OwnCaseDraft {
  const values = Object.fromEntries(OWN_CASE_FORMS[id].fields.map((f) => [f.key, f.example]));
  return { values, expected: '' };
}

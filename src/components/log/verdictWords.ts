import type { Verdict } from '../../engine';

/** What each verdict reads as, after a stage's name ("Rate limit: refused, …"). */
export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  pass: 'passed',
  refuse: 'refused',
  respond: 'answered at the gateway',
};

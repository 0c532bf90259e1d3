import type { CallOutput } from '../definitions/types';

/** A test case the learner wrote, as typed: each field's text, and the answers they expect. */
export interface OwnCaseDraft {
  /** Field key → text, e.g. `{ maxRequests: '2', windowMs: '1000', calls: 'alice@0, alice@500' }`. */
  readonly values: Readonly<Record<string, string>>;
  /** The answers the learner expects, one per call; blank when they expect nothing in particular. */
  readonly expected: string;
}

/** One input of a challenge's cases, as the learner types it. */
export interface OwnCaseField {
  readonly key: string;
  /** The name the challenge's statement uses: `maxRequests`, `calls`, `routes`. */
  readonly label: string;
  readonly multiline: boolean;
  /** What the field takes, shown under it: "A whole number from 1 to 100,000." */
  readonly help: string;
  /** A new case starts with this text. */
  readonly example: string;
}

/** The key under which a problem with the expected answers is reported. */
export const EXPECTED_KEY = 'expected';

/** Field key (or EXPECTED_KEY) → what is wrong with its text. */
export type FieldProblems = Readonly<Record<string, string>>;

export type ParsedOwnCase<Case> =
  | {
      readonly ok: true;
      readonly challengeCase: Case;
      readonly callCount: number;
      /** The learner's expected answers, one per call, or null when they gave none. */
      readonly expected: readonly CallOutput[] | null;
    }
  | { readonly ok: false; readonly problems: FieldProblems };

/**
 * How the learner writes a case of one challenge: its fields, and the parser both the page (to
 * say what is wrong beside the field) and the judge (which trusts no input) run.
 */
export interface OwnCaseForm<Case> {
  readonly fields: readonly OwnCaseField[];
  /** What the expected answers look like. */
  readonly expectedHelp: string;
  parse(draft: OwnCaseDraft): ParsedOwnCase<Case>;
}

/** The most cases a learner keeps per challenge, and calls per case. */
export const MAX_OWN_CASES = 20;
export const MAX_OWN_CALLS = 1000;
/** The most characters a field may hold (1,000 calls of a long client name fit). */
export const MAX_FIELD_CHARS = 40_000;

/** True when `value` is a list of at most MAX_OWN_CASES drafts (a saved list is checked before use). */
export function isOwnCaseDraftList(value: unknown): value is readonly OwnCaseDraft[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_OWN_CASES &&
    value.every(
      (draft: unknown) =>
        typeof draft === 'object' &&
        draft !== null &&
        typeof (draft as Record<string, unknown>)['expected'] === 'string' &&
        isTextRecord((draft as Record<string, unknown>)['values']),
    )
  );
}

function isTextRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((text) => typeof text === 'string')
  );
}

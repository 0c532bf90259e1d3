import type { TimedCall } from '../definitions/timedCalls';
import type { CallOutput } from '../definitions/types';
import { MAX_FIELD_CHARS, MAX_OWN_CALLS } from './types';

/** A field's value, or what is wrong with its text. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const fail = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });
const count = (n: number) => n.toLocaleString('en');

/** Splits a list written with commas, spaces or line breaks. */
const listItems = (text: string) => text.split(/[\s,]+/).filter((item) => item !== '');

/** Too long to read: said before any other parsing. */
function tooLong(text: string): string | null {
  return text.length > MAX_FIELD_CHARS
    ? `Too long (${count(text.length)} characters; at most ${count(MAX_FIELD_CHARS)}).`
    : null;
}

/** A whole number from `min` to `max`. */
export function parseWholeNumber(text: string, min: number, max: number): Parsed<number> {
  const trimmed = text.trim().replaceAll('_', '');
  if (trimmed === '') return fail(`Required: a whole number from ${count(min)} to ${count(max)}.`);
  if (!/^-?\d+$/.test(trimmed) || trimmed.length > 16)
    return fail(`"${text.trim().slice(0, 20)}" is not a whole number.`);
  const value = Number(trimmed);
  if (value < min || value > max)
    return fail(`${count(value)} is out of range: use ${count(min)} to ${count(max)}.`);
  return { ok: true, value };
}

/** Client ids in calls: letters, digits and `_ - . :`, up to 40 characters. */
const CALL = /^([A-Za-z0-9_.:-]{1,40})@(\d{1,14})$/;
/** The latest time a call may have (about the year 2286). */
export const MAX_CALL_MS = 10_000_000_000_000;

/**
 * Calls written `client@time`, e.g. `alice@0, alice@500, bob@600`: at least one, at most
 * MAX_OWN_CALLS, whole milliseconds, and a client's times never going back.
 */
export function parseTimedCalls(text: string): Parsed<TimedCall[]> {
  const long = tooLong(text);
  if (long !== null) return fail(long);
  const items = listItems(text);
  if (items.length === 0) return fail('Add at least one call, e.g. alice@0, alice@500, bob@600.');
  if (items.length > MAX_OWN_CALLS)
    return fail(`${count(items.length)} calls: a case holds at most ${count(MAX_OWN_CALLS)}.`);
  const calls: TimedCall[] = [];
  const lastMs = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const found = CALL.exec(item);
    const timestampMs = Number(found?.[2]);
    if (found === null || timestampMs > MAX_CALL_MS) {
      return fail(
        `Call ${i + 1}, "${item.slice(0, 50)}", is not client@time: write e.g. alice@500 (letters, digits or _-.: then @ and whole ms, at most ${count(MAX_CALL_MS)}).`,
      );
    }
    const clientId = found[1] as string;
    const before = lastMs.get(clientId);
    if (before !== undefined && timestampMs < before) {
      return fail(
        `Call ${i + 1}, ${item}, goes back in time: ${clientId} already called at ${count(before)} ms, and a client's times never decrease.`,
      );
    }
    lastMs.set(clientId, timestampMs);
    calls.push({ clientId, timestampMs });
  }
  return { ok: true, value: calls };
}

/** Non-empty lines, trimmed. */
export const textLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** True and false, one per call (commas, spaces or line breaks between them). */
export function parseBooleanAnswers(text: string, callCount: number): Parsed<CallOutput[] | null> {
  const long = tooLong(text);
  if (long !== null) return fail(long);
  const items = listItems(text);
  if (items.length === 0) return { ok: true, value: null };
  const answers: CallOutput[] = [];
  for (const [i, item] of items.entries()) {
    const word = item.toLowerCase();
    if (word !== 'true' && word !== 'false')
      return fail(`Answer ${i + 1}, "${item.slice(0, 30)}", is not true or false.`);
    answers.push(word === 'true');
  }
  return answerCount(answers, callCount);
}

/** One answer per line: a URL (quotes optional), or null. */
export function parseTextAnswers(text: string, callCount: number): Parsed<CallOutput[] | null> {
  const long = tooLong(text);
  if (long !== null) return fail(long);
  const lines = textLines(text);
  if (lines.length === 0) return { ok: true, value: null };
  const answers = lines.map((line): CallOutput => {
    if (line === 'null') return null;
    const quoted = /^"(.*)"$/.exec(line);
    return quoted ? (quoted[1] as string) : line;
  });
  return answerCount(answers, callCount);
}

function answerCount(answers: CallOutput[], callCount: number): Parsed<CallOutput[]> {
  if (answers.length !== callCount) {
    return fail(
      `${count(answers.length)} answer${answers.length === 1 ? '' : 's'} for ${count(callCount)} call${callCount === 1 ? '' : 's'}: give one per call, or leave this blank.`,
    );
  }
  return { ok: true, value: answers };
}

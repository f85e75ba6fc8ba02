// Input pieces shared by every channel of the contract, and the one place that turns schema
// issues into sentences a person can act on. Imports neither Node nor DOM code (the renderer
// reads it too, to check forms before sending).
import { z } from 'zod';

// ---------- text ----------

/**
 * Lone UTF-16 surrogates (e.g. "\ud800") cannot be stored as UTF-8: SQLite would keep other bytes
 * than were hashed or compared. C0/C1 controls (except tab and line breaks) and bidi overrides
 * have no place at a till and can disguise what a name or reason says in the audit log.
 */
const LONE_SURROGATE = /\p{Cs}/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const BROKEN_TEXT_MESSAGE = 'Contains a broken or invisible character (often from a pasted emoji). Retype it.';

export function isCleanText(value: string): boolean {
  return !LONE_SURROGATE.test(value) && !CONTROL.test(value);
}

/**
 * The one string schema for free text that a person types: refused when it holds a character that
 * cannot be stored faithfully, trimmed, and limited in length with a plain message.
 */
export function text(max: number, options: { min?: number; required?: string } = {}) {
  let schema = z.string().refine(isCleanText, BROKEN_TEXT_MESSAGE).trim();
  if (options.min) {
    schema = schema.min(options.min, options.required ?? (options.min === 1 ? 'Fill this in' : `Use at least ${options.min} characters`));
  }
  return schema.max(max, `Use at most ${max} characters`);
}

/** Secrets are not trimmed (a space may be part of a password) but must be storable text too. */
export function secretText(min: number, max: number, minMessage: string) {
  return z.string().refine(isCleanText, BROKEN_TEXT_MESSAGE).min(min, minMessage).max(max, `Use at most ${max} characters`);
}

/** Ids and cursors come from our own screens: short, plain ASCII. */
export const id = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'That reference is not valid. Reload the screen and try again.');
export const cursor = (max: number) => z.string().regex(new RegExp(`^[A-Za-z0-9._:-]{0,${max}}$`), 'That page is not valid. Go back to the first page.');

// ---------- dates ----------

/** True for a real calendar day written YYYY-MM-DD (no 2026-02-30, no month 13). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 1970 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A shop-local calendar day, YYYY-MM-DD. */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date like 2026-11-23')
  .refine(isCalendarDay, 'That date does not exist on the calendar');

// ---------- messages for people ----------

const plural = (n: number | bigint, word: string) => `${n} ${word}${n === 1 || n === 1n ? '' : 's'}`;
const number = (n: number | bigint) => (typeof n === 'number' ? n.toLocaleString('en-US') : n.toString());

const TYPE_WORDS: Record<string, string> = {
  string: 'Enter some text',
  number: 'Enter a number',
  int: 'Enter a whole number',
  boolean: 'Choose yes or no',
  array: 'Choose from the list',
  object: 'Something is missing in this form',
};

/**
 * Zod's default messages ("Too big: expected number to be <=999") must never reach a person.
 * Schemas that give their own message keep it; everything else gets a sentence from here.
 */
export function humanMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This is required';
      return TYPE_WORDS[issue.expected] ?? 'This value is not right';
    case 'too_big': {
      const max = issue.maximum;
      if (issue.origin === 'string') return `Use at most ${plural(max, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose at most ${number(max)}`;
      return `Enter ${issue.inclusive === false ? 'less than' : 'at most'} ${number(max)}`;
    }
    case 'too_small': {
      const min = issue.minimum;
      if (issue.origin === 'string') return min === 1 ? 'Fill this in' : `Use at least ${plural(min, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return min === 1 ? 'Add at least one' : `Add at least ${number(min)}`;
      return `Enter ${issue.inclusive === false ? 'more than' : 'at least'} ${number(min)}`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter a valid email address';
      if (issue.format === 'uuid' || issue.format === 'guid') return 'That reference is not valid. Reload the screen and try again.';
      return 'This is not in the expected form';
    case 'not_multiple_of':
      return `Enter a multiple of ${number(issue.divisor as number)}`;
    case 'unrecognized_keys':
      return 'This form sent something the till does not know. Reload the screen and try again.';
    case 'invalid_value':
      return issue.values.length <= 5 ? `Choose one of: ${issue.values.map(String).join(', ')}` : 'Choose one of the offered values';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'This value is not right';
    default:
      return 'This value is not right';
  }
}

z.config({ customError: humanMessage });

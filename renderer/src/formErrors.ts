// Turning main's error answer into what a form shows: per-field messages next to the inputs
// they belong to, and one plain sentence at the top for everything else.
import type { AppError } from '../../electron/shared/result';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export const FIX_FIELDS = 'Please fix the marked fields below.';

/**
 * `known` maps main's field paths ("profile.phoneNumber") to this form's field keys.
 * Messages for fields the form doesn't show are added to the top message.
 */
export function splitErrors<K extends string>(
  error: AppError,
  known: Readonly<Record<string, K>>,
): { fields: FieldErrors<K>; top: string } {
  const fields: FieldErrors<K> = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const key = known[path];
    if (key && !fields[key]) fields[key] = message;
    else if (!key) unplaced.push(message);
  }
  const placed = Object.values(fields) as string[];
  // Don't say the same thing twice: when the top message is one field's message, point at the fields instead.
  const top = placed.includes(error.message) ? FIX_FIELDS : error.message;
  return { fields, top: [top, ...unplaced.filter((m) => m !== top)].join(' ') };
}

/** Keep only digits (PIN inputs). */
export function digitsOnly(text: string): string {
  return text.replace(/\D/g, '');
}

// The busy flag, field errors and top message every form keeps while it sends one request to main.
import { useState } from 'react';
import type { AppError, Result } from '../../../electron/shared/result';
import { splitErrors, type FieldErrors } from '../formErrors';
import { isAuthLoss } from '../stores/cartStore';

interface ShowErrorOptions<K extends string> {
  /** Main's field paths mapped to this form's field keys. */
  fields?: Readonly<Record<string, K>>;
  /** When a field is marked, show no top message. */
  fieldsOnly?: boolean;
  /** Also show a lost session (most dialogs stay quiet: the till goes to sign-in by itself). */
  showAuthLoss?: boolean;
}

export function useFormRequest<K extends string = never>() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const [top, setTop] = useState<string | null>(null);

  /** Shows what was found before sending; true when there was something (do not send). */
  function rejectLocal(local: FieldErrors<K>): boolean {
    if (Object.keys(local).length === 0) return false;
    setErrors(local);
    setTop(null);
    return true;
  }

  /** Clears the errors, and is busy while the request is on its way. */
  async function send<T>(request: () => Promise<Result<T>>): Promise<Result<T>> {
    setBusy(true);
    setErrors({});
    setTop(null);
    const result = await request();
    setBusy(false);
    return result;
  }

  /** Main's error: per-field messages next to their fields, the rest at the top. */
  function showError(error: AppError, { fields = {}, fieldsOnly = false, showAuthLoss = false }: ShowErrorOptions<K> = {}) {
    if (!showAuthLoss && isAuthLoss(error)) return;
    const split = splitErrors(error, fields);
    setErrors(split.fields);
    setTop(fieldsOnly && Object.keys(split.fields).length > 0 ? null : split.top);
  }

  return { busy, setBusy, errors, setErrors, top, setTop, rejectLocal, send, showError };
}

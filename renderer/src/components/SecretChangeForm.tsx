import { useState, type FormEvent, type ReactNode } from 'react';
import type { Result } from '../../../electron/shared/result';
import { splitErrors, type FieldErrors } from '../formErrors';
import { ErrorMessage } from './ErrorMessage';
import { FormButtons, SubmitButton } from './FormButtons';
import { NO_SECRET, NewSecretFields, SECRET_NOUN, SecretField, checkNewSecret, type SecretKind, type SecretKeys } from './SecretFields';

type Key = 'current' | 'value' | 'confirm';
const KEYS: SecretKeys<Key> = { value: 'value', confirm: 'confirm' };

/** Where main's field errors go, whichever channel answered (auth.changePin, staff.resetPin…). */
const SERVER_FIELDS: Record<SecretKind, Readonly<Record<string, Key>>> = {
  pin: { currentPin: 'current', newPin: 'value', pin: 'value' },
  password: { currentPassword: 'current', newPassword: 'value', password: 'value' },
};

interface SecretChangeFormProps<T> {
  kind: SecretKind;
  /** Ask for the current PIN or password too (changing your own). */
  askCurrent?: boolean;
  /** Shown under the new PIN or password. */
  hint: string;
  /** Sends the change to main; `current` is '' unless `askCurrent`. */
  save(current: string, next: string): Promise<Result<T>>;
  /** After a successful save. */
  onSaved?(value: T): void;
  /** Shown in the form after a successful save (the form is cleared for another go). */
  savedMessage?: string;
  onBusy?(busy: boolean): void;
  submitLabel: string;
  /** When given, a Cancel button sits next to the submit button. */
  onCancel?(): void;
  /** Above the fields (a title). */
  head: ReactNode;
  className?: string;
  labelledBy?: string;
}

/**
 * Setting a new PIN or password: the new one twice (checked here), optionally the current one,
 * and main's answer shown next to the field it is about.
 */
export function SecretChangeForm<T>({
  kind,
  askCurrent = false,
  hint,
  save,
  onSaved,
  savedMessage,
  onBusy,
  submitLabel,
  onCancel,
  head,
  className,
  labelledBy,
}: SecretChangeFormProps<T>) {
  const noun = SECRET_NOUN[kind];
  const [current, setCurrent] = useState('');
  const [secret, setSecret] = useState(NO_SECRET);
  const [errors, setErrors] = useState<FieldErrors<Key>>({});
  const [top, setTop] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  function setBusyBoth(value: boolean) {
    setBusy(value);
    onBusy?.(value);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setSaved(false);
    const local = checkNewSecret(kind, secret, KEYS);
    if (askCurrent && !current) local.current = `Enter your current ${noun}`;
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setTop(null);
      return;
    }
    setBusyBoth(true);
    const result = await save(current, secret.value);
    setBusyBoth(false);
    if (result.ok) {
      setErrors({});
      setTop(null);
      setCurrent('');
      setSecret(NO_SECRET);
      setSaved(true);
      onSaved?.(result.value);
      return;
    }
    const split = splitErrors(result.error, SERVER_FIELDS[kind]);
    setErrors(split.fields);
    setTop(split.top);
  }

  return (
    <form className={className} onSubmit={submit} noValidate aria-labelledby={labelledBy}>
      {head}
      {askCurrent && (
        <SecretField kind={kind} current label={`Current ${noun}`} value={current} onChange={setCurrent} error={errors.current} disabled={busy} />
      )}
      <NewSecretFields
        kind={kind}
        labels={[`New ${noun}`, `Confirm new ${noun}`]}
        hint={hint}
        secret={secret}
        onChange={setSecret}
        errors={errors}
        keys={KEYS}
        disabled={busy}
      />
      <ErrorMessage message={top} />
      {saved && savedMessage && (
        <p className="success" role="status">
          {savedMessage}
        </p>
      )}
      {onCancel ? <FormButtons submitLabel={submitLabel} busy={busy} onCancel={onCancel} /> : <SubmitButton label={submitLabel} busy={busy} />}
    </form>
  );
}

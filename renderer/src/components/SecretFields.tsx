import { digitsOnly, type FieldErrors } from '../formErrors';
import { TextField } from './TextField';

/** A PIN (digits, signs in at the till) or a password (managers and owners, signs in anywhere). */
export type SecretKind = 'pin' | 'password';

/** How the kind is named in labels and messages: "New PIN", "Confirm new password". */
export const SECRET_NOUN: Record<SecretKind, string> = { pin: 'PIN', password: 'password' };

/** The rules for a new PIN, as told next to the input. */
export const NEW_PIN_HINT = '6 to 12 digits; not 123456 or 111111';

/** A new PIN or password, typed twice. */
export interface NewSecret {
  value: string;
  confirm: string;
}

export const NO_SECRET: NewSecret = { value: '', confirm: '' };

/** Which of a form's error keys belong to the new secret and to its confirmation. */
export interface SecretKeys<K extends string> {
  readonly value: K;
  readonly confirm: K;
}

interface SecretFieldProps {
  kind: SecretKind;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string | undefined;
  disabled?: boolean;
  /** The secret the person has now (a password manager may fill it), not a new one. */
  current?: boolean;
}

/** One masked input for a PIN (keeps digits only) or a password. */
export function SecretField({ kind, current = false, onChange, ...rest }: SecretFieldProps) {
  if (kind === 'pin') {
    return (
      <TextField
        {...rest}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        onChange={(v) => onChange(digitsOnly(v))}
      />
    );
  }
  return <TextField {...rest} type="password" autoComplete={current ? 'current-password' : 'new-password'} maxLength={256} onChange={onChange} />;
}

interface NewSecretFieldsProps<K extends string> {
  kind: SecretKind;
  labels: readonly [label: string, confirmLabel: string];
  hint: string;
  secret: NewSecret;
  onChange(secret: NewSecret): void;
  errors: FieldErrors<K>;
  keys: SecretKeys<K>;
  disabled: boolean;
}

/** A new PIN or password and the same again, to catch a typo. */
export function NewSecretFields<K extends string>({ kind, labels, hint, secret, onChange, errors, keys, disabled }: NewSecretFieldsProps<K>) {
  return (
    <>
      <SecretField
        kind={kind}
        label={labels[0]}
        hint={hint}
        value={secret.value}
        onChange={(value) => onChange({ ...secret, value })}
        error={errors[keys.value]}
        disabled={disabled}
      />
      <SecretField
        kind={kind}
        label={labels[1]}
        value={secret.confirm}
        onChange={(confirm) => onChange({ ...secret, confirm })}
        error={errors[keys.confirm]}
        disabled={disabled}
      />
    </>
  );
}

/**
 * The check made before asking main: a new secret is there and typed the same twice. The
 * message goes under `keys.value` or `keys.confirm`; `missing` is the one for an empty secret.
 */
export function checkNewSecret<K extends string>(
  kind: SecretKind,
  secret: NewSecret,
  keys: SecretKeys<K>,
  missing = `Enter a new ${SECRET_NOUN[kind]}`,
): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  if (!secret.value) errors[keys.value] = missing;
  else if (secret.confirm !== secret.value) errors[keys.confirm] = `The ${SECRET_NOUN[kind]}s don't match`;
  return errors;
}

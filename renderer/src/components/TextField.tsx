import type { InputHTMLAttributes, Ref } from 'react';
import { FieldShell, type FieldProps } from './FieldShell';

interface TextFieldProps extends FieldProps, Omit<InputHTMLAttributes<HTMLInputElement>, keyof FieldProps | 'id'> {
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled text input with an optional hint and a field error under it. */
export function TextField({ label, value, onChange, error, hint, inputRef, className, ...rest }: TextFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} className={className}>
      {(control) => <input {...rest} {...control} ref={inputRef} value={value} onChange={(e) => onChange(e.target.value)} />}
    </FieldShell>
  );
}

import type { TextareaHTMLAttributes } from 'react';
import { FieldShell, type FieldProps } from './FieldShell';

type TextAreaFieldProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, keyof FieldProps | 'id'>;

/** A labelled multi-line text box with an optional hint and a field error under it. */
export function TextAreaField({ label, value, onChange, error, hint, className, ...rest }: TextAreaFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} className={className}>
      {(control) => <textarea {...rest} {...control} value={value} onChange={(e) => onChange(e.target.value)} />}
    </FieldShell>
  );
}

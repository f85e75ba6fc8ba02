import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FieldShell, type FieldProps } from './FieldShell';

interface SelectFieldProps extends FieldProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, keyof FieldProps | 'id'> {
  children: ReactNode;
}

/** A labelled select with an optional hint and a field error under it. */
export function SelectField({ label, value, onChange, error, hint, className, children, ...rest }: SelectFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <select {...rest} {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

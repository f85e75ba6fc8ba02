// Pieces every settings card uses: a labelled checkbox and the card's foot (problem, saved note, save button).
import { useId } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { SubmitButton } from './FormButtons';

export interface CheckFieldProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string | undefined;
  hint?: string;
  disabled: boolean;
}

/** A labelled checkbox with an optional hint and a field error under it. */
export function CheckField({ label, checked, onChange, error, hint, disabled }: CheckFieldProps) {
  const id = useId();
  return (
    <div className={`field field--check${error ? ' field--invalid' : ''}`}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} disabled={disabled} />
      <label htmlFor={id}>{label}</label>
      {hint && <p className="field-hint field-hint--check">{hint}</p>}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

/** The foot of a settings card: main's problem, the saved note and the save button. */
export function SaveActions({ top, saved, submitLabel, busy }: { top: string | null; saved: string | false; submitLabel: string; busy: boolean }) {
  return (
    <>
      <ErrorMessage message={top} />
      <div className="settings-actions">
        {saved && (
          <p className="success" role="status">
            {saved}
          </p>
        )}
        <SubmitButton label={submitLabel} busy={busy} />
      </div>
    </>
  );
}

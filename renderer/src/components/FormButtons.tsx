/** A form's submit button: disabled, and marked busy, while its request is on the way. */
export function SubmitButton({ label, busy }: { label: string; busy: boolean }) {
  return (
    <button type="submit" className="btn btn--primary btn--large" disabled={busy} aria-busy={busy || undefined}>
      {label}
    </button>
  );
}

interface FormButtonsProps {
  submitLabel: string;
  busy: boolean;
  onCancel(): void;
  /** Keep the buttons in view at the bottom of a long, scrolling dialog. */
  sticky?: boolean;
}

/** Cancel and submit, at the foot of a dialog's form. */
export function FormButtons({ submitLabel, busy, onCancel, sticky = false }: FormButtonsProps) {
  return (
    <div className={`dialog-buttons${sticky ? ' dialog-buttons--sticky' : ''}`}>
      <button type="button" className="btn btn--secondary btn--large" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
      <SubmitButton label={submitLabel} busy={busy} />
    </div>
  );
}
